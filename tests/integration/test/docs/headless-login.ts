import { createRelyingParty, oidc, type Identity } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';

/** Logs a synthetic citizen in with no browser and no port; returns the verified Identity. */
export async function loginAs(persona: string): Promise<Identity> {
  const idp = createMockIdp({ autoApprove: true }); // in-process: nothing listens
  const rp = createRelyingParty({
    provider: oidc(),
    issuer: idp.issuer,
    clientId: 'dinhdanh-dev',
    redirectUri: 'http://localhost:3000/auth/callback',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
    },
    fetch: (input, init) => idp.fetch(new Request(input, init)), // no network
  });
  try {
    const { url, transaction } = await rp.startLogin({
      level: 2,
      attributes: ['name', 'birthdate', 'pid'],
      extraParams: { login_hint: persona }, // the mock skips its pages for this persona
    });
    const answer = await idp.fetch(new Request(url)); // what the browser would do
    const callbackUrl = answer.headers.get('location') ?? '';
    const { identity } = await rp.finishLogin(callbackUrl, transaction);
    return identity;
  } finally {
    await idp.close();
  }
}
