/**
 * Fuzz: the back-channel logout endpoint (arbitrary bodies, arbitrary and forged JWTs,
 * mutations of a logout token the mock really signed) and the QR start/poll endpoints
 * (arbitrary bodies, origins, cookies), through createAuthHandlers with a real relying
 * party against the mock. Besides the endpoint, `rp.verifyLogoutToken` itself must only
 * ever throw DinhDanhErrors: the endpoint turns every failure into a 400, which would
 * hide a crash.
 */
import fc from 'fast-check';
import {
  base64url,
  decodeProtectedHeader,
  generateKeyPair,
  importJWK,
  SignJWT,
  UnsecuredJWT,
} from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hostileText,
  mutate,
  mutation,
  outcome,
  runs,
} from '../../../../packages/core/test/fuzz/support';
import {
  answer,
  APP,
  BACKCHANNEL,
  genuineCallback,
  headerSafe,
  Jar,
  target,
  type Target,
} from './support';

let t: Target;
let genuineToken: string;
beforeAll(async () => {
  t = await target();
  // A real logout token: log in, then end the session at the mock, which delivers it.
  const jar = new Jar();
  jar.apply(await t.auth.handle(jar.request(await genuineCallback(t, jar))));
  const session = await t.auth.getSession(jar.request(`${APP}/`));
  const end = new URL(`${t.idp.issuer}/logout`);
  const discovery = (await (
    await t.idp.fetch(new Request(`${t.idp.issuer}/.well-known/openid-configuration`))
  ).json()) as { end_session_endpoint: string };
  end.href = discovery.end_session_endpoint;
  end.searchParams.set('id_token_hint', session?.tokens?.idToken ?? '');
  await t.idp.fetch(new Request(end));
  genuineToken = t.delivered.at(-1) ?? '';
  expect(genuineToken.split('.')).toHaveLength(3);
});
afterAll(() => t.idp.close());

const LOGOUT_CODES = [
  'logout_token_invalid',
  'logout_token_replayed',
  'token_invalid',
  'token_too_large',
  'signature_invalid',
  'alg_not_allowed',
  'key_not_found',
  'token_expired',
  'token_not_yet_valid',
  'audience_mismatch',
  'issuer_mismatch',
  'jwks_failed',
] as const;

/** Logout tokens an attacker can make: unsigned, self-signed, or with any claims. */
async function forgedTokens(): Promise<string[]> {
  const claims = {
    iss: t.idp.issuer,
    aud: 'rp-fuzz',
    iat: Math.floor(Date.now() / 1000),
    jti: 'forged-1',
    sid: 'any',
    events: { 'http://schemas.openid.net/event/backchannel-logout': {} },
  };
  const { privateKey } = await generateKeyPair('ES256');
  const hmac = await importJWK(
    { kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA' },
    'HS256',
  );
  return [
    new UnsecuredJWT(claims).encode(),
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: 'logout+jwt' })
      .sign(privateKey),
    await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: decodeProtectedHeader(genuineToken).kid ?? 'none' })
      .sign(privateKey),
    await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(hmac),
  ];
}

/** The bytes a JWT's segments decode to. */
function segments(jwt: string): string[] {
  return jwt.split('.').map((part) => Buffer.from(base64url.decode(part)).toString('hex'));
}

function backchannel(body: string, type = 'application/x-www-form-urlencoded'): Request {
  return new Request(BACKCHANNEL, { method: 'POST', headers: { 'content-type': type }, body });
}

describe('fuzz: POST /auth/backchannel-logout', () => {
  it('mutated, forged and arbitrary logout tokens are refused, by the endpoint and by rp.verifyLogoutToken', async () => {
    const forged = await forgedTokens();
    const token = fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 2 }).map((m) => m.reduce(mutate, genuineToken)),
      fc.constantFrom(...forged),
      fc.tuple(fc.constantFrom(...forged), mutation).map(([f, m]) => mutate(f, m)),
      fc.array(hostileText, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.')),
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(token, async (jwt) => {
        const direct = await outcome('rp.verifyLogoutToken', LOGOUT_CODES, () =>
          t.rp.verifyLogoutToken(jwt),
        );
        const response = await answer(
          'backchannel-logout (token)',
          t.auth,
          backchannel(new URLSearchParams({ logout_token: jwt }).toString()),
        );
        // Base64url's unused low bits may flip without changing a byte of the genuine
        // token; a token that verifies is that one, and the endpoint takes it at most once.
        if (direct.ok) expect(segments(jwt)).toEqual(segments(genuineToken));
        else expect(response.status).toBe(400);
      }),
      { numRuns: runs(120) },
    );
  });

  it('arbitrary bodies and content types get a 400', async () => {
    const body = fc.oneof(
      hostileText,
      fc
        .array(fc.tuple(fc.constantFrom('logout_token', 'x'), hostileText), { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&')),
      fc.constant(`logout_token=${'a'.repeat(70 * 1024)}`),
    );
    const type = fc.constantFrom(
      'application/x-www-form-urlencoded',
      'application/x-www-form-urlencoded; charset=utf-8',
      'application/json',
      'text/plain',
      'multipart/form-data; boundary=x',
    );
    await fc.assert(
      fc.asyncProperty(body, type, async (text, contentType) => {
        const response = await answer(
          'backchannel-logout (body)',
          t.auth,
          backchannel(text, contentType),
        );
        expect(response.status).toBe(400);
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('fuzz: POST /auth/qr/start and GET /auth/qr/poll', () => {
  it('arbitrary bodies and origins start a QR login only from the app origin', async () => {
    const field = fc.oneof(
      hostileText,
      fc.anything({ maxDepth: 1 }),
      fc.constantFrom('default', 1, 2, '2', '/ok', '//evil.example', 'https://evil.example/'),
    );
    const body = fc.oneof(
      fc
        .record({ request: field, level: field, returnTo: field }, { requiredKeys: [] })
        .map((v) => JSON.stringify(v)),
      hostileText,
      fc.json(),
    );
    const origin = fc.constantFrom(APP, 'https://evil.example', 'null', undefined);
    const site = fc.constantFrom('same-origin', 'cross-site', undefined);
    await fc.assert(
      fc.asyncProperty(
        body,
        origin,
        site,
        fc.constantFrom('application/json', 'text/plain'),
        async (text, from, fetchSite, type) => {
          const headers = new Headers({ 'content-type': type });
          if (from !== undefined) headers.set('origin', from);
          if (fetchSite !== undefined) headers.set('sec-fetch-site', fetchSite);
          const response = await answer(
            'qr/start',
            t.auth,
            new Request(`${APP}/auth/qr/start`, { method: 'POST', headers, body: text }),
          );
          if (response.status === 200) {
            // `Origin: null` vouches for nothing: then, as without Origin, Sec-Fetch-Site decides.
            const unvouched = from === undefined || from === 'null';
            expect(from === APP || (unvouched && fetchSite === 'same-origin')).toBe(true);
            const started = (await response.json()) as { qrUri: string };
            expect(started.qrUri.startsWith(t.idp.issuer)).toBe(true);
          } else expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: runs(100) },
    );
  });

  it('polling with a mutated or arbitrary QR cookie answers a status or a clean error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutation.map((m) => ({ m })),
          hostileText.map((text) => ({ text })),
        ),
        fc.constantFrom('approve', 'deny', 'none'),
        async (cookie, decision) => {
          const jar = new Jar();
          const start = await t.auth.handle(
            jar.request(`${APP}/auth/qr/start`, {
              method: 'POST',
              headers: { origin: APP, 'content-type': 'application/json' },
              body: '{}',
            }),
          );
          expect(start.status).toBe(200);
          jar.apply(start);
          const { userCode } = (await start.json()) as { userCode?: string };
          if (decision !== 'none') t.idp.approveDevice(userCode ?? '', 'citizen-l2', decision);
          const [name, value] = [...jar.cookies][0]!;
          const sent = 'm' in cookie ? mutate(value, cookie.m) : cookie.text;
          const poll = new Request(`${APP}/auth/qr/poll`, {
            headers: { cookie: headerSafe(`${name}=${sent}`) },
          });
          const response = await answer('qr/poll', t.auth, poll);
          if (response.status === 200) {
            const { status } = (await response.json()) as { status: string };
            expect(['pending', 'slow_down', 'approved', 'denied', 'expired']).toContain(status);
          } else expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: runs(80) },
    );
  });
});
