/**
 * docs/production.md: a key from newClientKey() logs in with private_key_jwt once its public
 * part is registered with the provider (the mock here), and the rotation the guide
 * describes keeps logins working at every step: both keys registered, the new one signing,
 * then the old one withdrawn (its assertions refused from then on).
 */
import { describe, expect, it } from 'vitest';
import { createRelyingParty, isDinhDanhError, oidc, type PrivateJwk } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';
import type { JWK } from 'jose';
import { newClientKey } from './docs/production/client-key';

const REDIRECT = 'http://127.0.0.1:3000/auth/callback';

/** A headless private_key_jwt login at a mock that has registered `registered` keys. */
async function logIn(signWith: PrivateJwk, registered: JWK[]): Promise<number> {
  const idp = createMockIdp({
    autoApprove: true,
    clients: [
      {
        clientId: 'bank',
        name: 'Ngân hàng Thử nghiệm',
        redirectUris: [REDIRECT],
        authMethods: ['private_key_jwt'],
        jwks: { keys: registered },
      },
    ],
  });
  try {
    const rp = createRelyingParty({
      provider: oidc(),
      issuer: idp.issuer,
      clientId: 'bank',
      redirectUri: REDIRECT,
      clientAuth: { method: 'private_key_jwt', privateKey: signWith },
      fetch: (input, init) => idp.fetch(new Request(input, init)),
    });
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name'],
      extraParams: { login_hint: 'citizen-l2' },
    });
    const answer = await idp.fetch(new Request(url));
    const { identity } = await rp.finishLogin(answer.headers.get('location') ?? '', transaction);
    return identity.level;
  } finally {
    await idp.close();
  }
}

describe('docs/production.md: private_key_jwt keys', () => {
  it('newClientKey: a private JWK for the secret store, its public part for the provider', async () => {
    const { privateJwk, publicJwk } = await newClientKey();
    expect(privateJwk.kid).toBe(publicJwk.kid);
    expect(typeof privateJwk.d).toBe('string');
    expect(publicJwk).not.toHaveProperty('d');
    expect(publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
  });

  it('the registered key logs in; rotation keeps logins working, then refuses the old key', async () => {
    const old = await newClientKey();
    const next = await newClientKey();
    expect(await logIn(old.privateJwk, [old.publicJwk])).toBe(2);
    // 1. Register the new public key beside the old one: both sign in.
    expect(await logIn(old.privateJwk, [old.publicJwk, next.publicJwk])).toBe(2);
    expect(await logIn(next.privateJwk, [old.publicJwk, next.publicJwk])).toBe(2);
    // 2. Every instance signs with the new key; 3. withdraw the old one.
    expect(await logIn(next.privateJwk, [next.publicJwk])).toBe(2);
    const refused: unknown = await logIn(old.privateJwk, [next.publicJwk]).catch((e: unknown) => e);
    expect(isDinhDanhError(refused)).toBe(true);
    expect(refused).toMatchObject({ code: 'invalid_client' });
  });
});
