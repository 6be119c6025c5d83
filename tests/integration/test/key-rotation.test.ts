/**
 * Key rotation at the mock: the next login still succeeds. The mock publishes the next key
 * before signing with it; a key core has never seen makes core refetch the JWKS.
 */
import { describe, expect, it } from 'vitest';
import { fetchVia, headlessLogin, inProcessIdp, relyingParty } from './support';

describe('key rotation at the mock', () => {
  it('one rotation: the new signing key was already published, the login succeeds', async () => {
    const idp = await inProcessIdp();
    const rp = relyingParty(idp.issuer, 'rp-standard', { fetch: fetchVia(idp) });
    const fetcher = (r: Request) => idp.fetch(r);
    await headlessLogin(rp, 'citizen-l2', fetcher);
    const rotation = await idp.rotateKeys();
    expect(rotation.currentKid).not.toBe(rotation.previousKid);
    const result = await headlessLogin(rp, 'citizen-l2', fetcher);
    expect(result.identity.level).toBe(2);
  });

  it('two rotations (a key core never saw): core refetches the JWKS once and succeeds', async () => {
    // One clock for both sides, so the refetch rate limit (30 s) can pass without sleeping.
    let now = Date.now();
    const idp = await inProcessIdp({ now: () => now });
    let jwksFetches = 0;
    const rp = relyingParty(idp.issuer, 'rp-standard', {
      now: () => now,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/jwks')) jwksFetches += 1;
        return idp.fetch(request);
      },
    });
    const fetcher = (r: Request) => idp.fetch(r);
    const first = await headlessLogin(rp, 'citizen-l2', fetcher);
    const before = jwksFetches;
    await idp.rotateKeys();
    const second = await idp.rotateKeys();
    now += 61_000;
    const result = await headlessLogin(rp, 'citizen-l2', fetcher);
    expect(result.identity.subject).toBe(first.identity.subject);
    expect(jwksFetches - before).toBe(1);
    const header = JSON.parse(
      Buffer.from(result.tokens.idToken?.split('.')[0] ?? '', 'base64url').toString(),
    ) as { kid?: string };
    expect(header.kid).toBe(second.currentKid);
  });
});
