import { describe, expect, it } from 'vitest';
import { codeOf } from '../support/errors';
import { fakeIssuer, newKey } from '../support/fake-issuer';

const count = (requests: string[], path: string) => requests.filter((p) => p === path).length;

describe('verifyIdToken', () => {
  it('returns the claims and the level from acr', async () => {
    const idp = await fakeIssuer();
    const verified = await idp
      .rp()
      .verifyIdToken(await idp.sign({ acr: 'urn:dinhdanh:loa:2', nonce: 'n1' }), {
        nonce: 'n1',
        level: 2,
      });
    expect(verified.level).toBe(2);
    expect(verified.claims.sub).toBe('citizen-1');
  });

  it.each([
    ['audience_mismatch', { aud: 'someone-else' }, {}],
    ['token_expired', { exp: Math.floor(Date.now() / 1000) - 3600 }, {}],
    ['token_not_yet_valid', { iat: Math.floor(Date.now() / 1000) + 3600 }, {}],
    ['token_invalid', { iss: 'https://evil.example' }, {}],
    ['nonce_mismatch', { nonce: 'other' }, { nonce: 'n1' }],
    ['insufficient_level', { acr: 'urn:dinhdanh:loa:1' }, { level: 2 as const }],
    ['insufficient_level', { acr: 'unknown-acr' }, { level: 1 as const }],
    ['auth_time_too_old', { auth_time: Math.floor(Date.now() / 1000) - 3600 }, { maxAge: 60 }],
    ['auth_time_too_old', {}, { maxAge: 60 }],
    ['audience_mismatch', { aud: ['tax-portal', 'other'], azp: 'other' }, {}],
  ])('%s', async (code, claims, options) => {
    const idp = await fakeIssuer();
    expect(await codeOf(idp.rp().verifyIdToken(await idp.sign(claims), options))).toBe(code);
  });

  it('signature_invalid for a forged signature under a published kid', async () => {
    const idp = await fakeIssuer();
    const forged = await idp.sign({}, { key: await newKey('k1') });
    expect(await codeOf(idp.rp().verifyIdToken(forged))).toBe('signature_invalid');
  });

  it('alg_not_allowed for none, HS256 and algorithms outside the allow-list', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    const [header, payload] = (await idp.sign({})).split('.');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(await codeOf(rp.verifyIdToken(none))).toBe('alg_not_allowed');
    const hs = `${Buffer.from('{"alg":"HS256","kid":"k1"}').toString('base64url')}.${payload}.c2ln`;
    expect(await codeOf(rp.verifyIdToken(hs))).toBe('alg_not_allowed');
    expect(header).toBeTypeOf('string');
    const strict = idp.rp({ idTokenAlgorithms: ['EdDSA'] });
    expect(await codeOf(strict.verifyIdToken(await idp.sign({})))).toBe('alg_not_allowed');
  });

  it('token_too_large before any crypto', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp({ maxTokenBytes: 1024 });
    expect(await codeOf(rp.verifyIdToken(await idp.sign({ pad: 'x'.repeat(2000) })))).toBe(
      'token_too_large',
    );
    expect(count(idp.requests, '/jwks')).toBe(0);
  });

  it('token_too_large counts UTF-8 bytes, not characters', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp({ maxTokenBytes: 1024 });
    // 341 three-byte characters: 1023 bytes in 341 UTF-16 units.
    const wide = 'ế'.repeat(341);
    expect(await codeOf(rp.verifyIdToken(`${wide}a`))).toBe('token_invalid');
    expect(await codeOf(rp.verifyIdToken(`${wide}ab`))).toBe('token_too_large');
    // A signed token well under the limit in characters, over it in bytes.
    const signed = await idp.sign({});
    expect(signed.length).toBeLessThan(700);
    expect(await codeOf(rp.verifyIdToken(`${signed}${'ế'.repeat(300)}`))).toBe('token_too_large');
    expect(count(idp.requests, '/jwks')).toBe(0);
  });

  it('token_invalid for garbage', async () => {
    const idp = await fakeIssuer();
    expect(await codeOf(idp.rp().verifyIdToken('a.b'))).toBe('token_invalid');
    expect(await codeOf(idp.rp().verifyIdToken('e30.e30.e30.e30'))).toBe('token_invalid');
    expect(await codeOf(idp.rp().verifyIdToken('e30.e30'))).toBe('token_invalid');
    expect(await codeOf(idp.rp().verifyIdToken('e30.e30.e30'))).toBe('alg_not_allowed');
  });
});

describe('JWKS cache and key rotation', () => {
  it('finds a key rotated in right after a routine fetch (one refetch)', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    await rp.verifyIdToken(await idp.sign({}));
    const next = await newKey('k2');
    idp.keys.push(next);
    await rp.verifyIdToken(await idp.sign({}, { key: next }));
    expect(count(idp.requests, '/jwks')).toBe(2);
  });

  it('rate-limits refetches caused by unknown kids (key_not_found)', async () => {
    const idp = await fakeIssuer();
    let now = Date.now();
    const rp = idp.rp({ now: () => now, jwksRefetchInterval: 30 });
    await rp.verifyIdToken(await idp.sign({}));
    const stranger = await newKey('nobody');
    for (let i = 0; i < 5; i += 1) {
      expect(await codeOf(rp.verifyIdToken(await idp.sign({}, { key: stranger })))).toBe(
        'key_not_found',
      );
    }
    expect(count(idp.requests, '/jwks')).toBe(2);
    now += 31_000;
    const later = await idp.sign(
      { iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 },
      { key: stranger },
    );
    expect(await codeOf(rp.verifyIdToken(later))).toBe('key_not_found');
    expect(count(idp.requests, '/jwks')).toBe(3);
  });

  it('refetches the JWKS after its TTL', async () => {
    const idp = await fakeIssuer();
    let now = Date.now();
    const rp = idp.rp({ now: () => now, jwksTtl: 60, discoveryTtl: 3600 });
    const jwt = await idp.sign({ exp: Math.floor(now / 1000) + 3600 });
    await rp.verifyIdToken(jwt);
    await rp.verifyIdToken(jwt);
    expect(count(idp.requests, '/jwks')).toBe(1);
    now += 61_000;
    await rp.verifyIdToken(jwt);
    expect(count(idp.requests, '/jwks')).toBe(2);
  });
});

describe('verifyAccessToken (RFC 9068)', () => {
  const api = 'https://api.tax.example';
  const at = { aud: api, client_id: 'tax-portal', jti: 'j1', scope: 'read write', acr: 'LoA2' };

  it('verifies an at+jwt for this resource', async () => {
    const idp = await fakeIssuer();
    const verified = await idp.rp().verifyAccessToken(await idp.sign(at, { typ: 'at+jwt' }), {
      audience: api,
      level: 2,
      scopes: ['read'],
    });
    expect(verified).toMatchObject({
      sub: 'citizen-1',
      clientId: 'tax-portal',
      scopes: ['read', 'write'],
      level: 2,
    });
  });

  it.each([
    ['token_invalid', at, 'JWT', {}],
    ['audience_mismatch', { ...at, aud: 'https://other.example' }, 'at+jwt', {}],
    ['insufficient_level', { ...at, acr: 'LoA1' }, 'at+jwt', { level: 2 as const }],
    ['token_invalid', at, 'at+jwt', { scopes: ['admin'] }],
    ['token_invalid', { ...at, client_id: undefined }, 'at+jwt', {}],
  ])('%s', async (code, claims, typ, options) => {
    const idp = await fakeIssuer();
    expect(
      await codeOf(
        idp.rp().verifyAccessToken(await idp.sign(claims, { typ }), { audience: api, ...options }),
      ),
    ).toBe(code);
  });
});
