/* global fetch */
// A headless login with the installed core against the issuer given (the packed mock's CLI),
// as docs/testing-with-the-mock.md shows; prints what the app would see, never an ID number.
import { createRelyingParty, isDinhDanhError, oidc } from '@dinhdanh/core';

const [issuer, persona] = process.argv.slice(2);
const rp = createRelyingParty({
  provider: oidc(),
  issuer,
  clientId: 'dinhdanh-dev',
  redirectUri: 'http://localhost:3000/auth/callback',
  clientAuth: {
    method: 'client_secret_basic',
    clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
  },
});
try {
  const { url, transaction } = await rp.startLogin({
    level: 2,
    attributes: ['name', 'birthdate', 'pid'],
    extraParams: { login_hint: persona },
  });
  const answer = await fetch(url, { redirect: 'manual' });
  const location = answer.headers.get('location');
  if (location === null) throw new Error(`no redirect from the provider (HTTP ${answer.status})`);
  const { identity } = await rp.finishLogin(new URL(location, url).toString(), transaction);
  const { name, ...others } = identity.attributes;
  process.stdout.write(
    JSON.stringify({
      level: identity.level,
      name: name?.full,
      attributes: ['name', ...Object.keys(others)].sort(),
    }),
  );
} catch (error) {
  if (!isDinhDanhError(error)) throw error;
  process.stdout.write(JSON.stringify({ error: error.code }));
}
