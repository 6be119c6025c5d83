/* global Request, fetch */
// The relying party, mock provider and login helper the Express bench servers share: the
// mock runs in-process (core's injectable fetch), so a login needs no network besides the app.
import { createRelyingParty } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';

export const ORIGIN = 'http://localhost:3000';
export const SECRET = 'bench-express-seal-secret-bench-express-0123';
const ISSUER = 'http://127.0.0.1:9400';
const CLIENT_SECRET = 'bench-express-client-secret-0123456789';

export async function mockAndRp() {
  const idp = createMockIdp({
    issuer: ISSUER,
    autoApprove: true,
    clients: [
      {
        clientId: 'bench-express',
        clientSecret: CLIENT_SECRET,
        name: 'Bench',
        redirectUris: [`${ORIGIN}/auth/callback`],
        authMethods: ['client_secret_basic'],
      },
    ],
  });
  await idp.ready;
  const rp = createRelyingParty({
    issuer: ISSUER,
    clientId: 'bench-express',
    redirectUri: `${ORIGIN}/auth/callback`,
    clientAuth: { method: 'client_secret_basic', clientSecret: CLIENT_SECRET },
    fetch: (input, init) => idp.fetch(new Request(input, init)),
  });
  return { idp, rp };
}

function cookiesOf(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    const value = pair.slice(at + 1);
    if (value === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, at));
    else jar.set(pair.slice(0, at), value);
  }
}

/**
 * One browser login: `GET /auth/login` on `base` (with login_hint, the mock answers at once),
 * the provider's redirect, the callback. Returns the session's Cookie header value.
 */
export async function browserLogin(base, idp, send = (request) => fetch(request)) {
  const jar = new Map();
  const cookie = () => [...jar].map(([n, v]) => `${n}=${v}`).join('; ');
  const start = await send(
    new Request(`${base}/auth/login?login_hint=citizen-l2`, { redirect: 'manual' }),
  );
  cookiesOf(start, jar);
  const back = await idp.fetch(new Request(start.headers.get('location')));
  const callback = new URL(back.headers.get('location'));
  const done = await send(
    new Request(`${base}${callback.pathname}${callback.search}`, {
      redirect: 'manual',
      headers: { cookie: cookie() },
    }),
  );
  if (done.status !== 302) throw new Error(`login failed: ${done.status} ${await done.text()}`);
  cookiesOf(done, jar);
  return cookie();
}
