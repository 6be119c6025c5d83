import { describe, expect, it } from 'vitest';
import type { RelyingPartyConfig } from '@dinhdanh/core';
import { codeOf } from '../support/errors';
import { fakeIssuer, newKey, type FakeIssuer } from '../support/fake-issuer';

type Failure = 'network' | 'http-503' | 'bad-json' | 'too-large';

const HOUR = 3600_000;
const TTL = 60;
const INTERVAL = 30;

/** The fake issuer behind a fetch whose JWKS endpoint can be broken on demand. */
async function breakableIssuer(extra: Partial<RelyingPartyConfig> = {}) {
  const idp = await fakeIssuer();
  const state: { failure: Failure | undefined; jwksCalls: number } = {
    failure: undefined,
    jwksCalls: 0,
  };
  const fetch = (input: string | URL | Request): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.pathname !== '/jwks') return idp.fetch(input);
    state.jwksCalls += 1;
    switch (state.failure) {
      case undefined:
        return idp.fetch(input);
      case 'network':
        return Promise.reject(new TypeError('fetch failed'));
      case 'http-503':
        return Promise.resolve(new Response('down', { status: 503 }));
      case 'bad-json':
        return Promise.resolve(
          new Response('{"keys": [', { headers: { 'content-type': 'application/json' } }),
        );
      case 'too-large':
        return Promise.resolve(
          new Response(`{"keys":[],"pad":"${'x'.repeat(300 * 1024)}"}`, {
            headers: { 'content-type': 'application/json' },
          }),
        );
    }
  };
  let now = Date.now();
  const clock = {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
  const rp = idp.rp({
    fetch,
    now: clock.now,
    jwksTtl: TTL,
    jwksRefetchInterval: INTERVAL,
    discoveryTtl: 3600,
    ...extra,
  });
  /** A token valid at the current clock, signed by the issuer's first key (or `key`). */
  const token = (key?: FakeIssuer['keys'][number]) =>
    idp.sign(
      { iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 },
      key === undefined ? {} : { key },
    );
  return { idp, rp, state, clock, token };
}

const failures: Failure[] = ['network', 'http-503', 'bad-json', 'too-large'];

describe('JWKS stale on failure', () => {
  it.each(failures)(
    'keeps verifying with the cached keys past the TTL when the refresh fails (%s)',
    async (failure) => {
      const { rp, state, clock, token } = await breakableIssuer();
      await rp.verifyIdToken(await token());
      state.failure = failure;
      clock.advance(TTL * 1000 + 1000);
      await expect(rp.verifyIdToken(await token())).resolves.toMatchObject({
        claims: { sub: 'citizen-1' },
      });
      clock.advance(23 * HOUR);
      await expect(rp.verifyIdToken(await token())).resolves.toMatchObject({
        claims: { sub: 'citizen-1' },
      });
      expect(state.jwksCalls).toBe(3);
    },
  );

  it.each(failures)(
    'verifies until the 24 h grace ends, then fails closed with jwks_failed (%s)',
    async (failure) => {
      const { rp, state, clock, token } = await breakableIssuer();
      await rp.verifyIdToken(await token());
      state.failure = failure;
      clock.advance(TTL * 1000 + 24 * HOUR - 1000);
      await expect(rp.verifyIdToken(await token())).resolves.toBeDefined();
      clock.advance(2000);
      expect(await codeOf(rp.verifyIdToken(await token()))).toBe('jwks_failed');
    },
  );

  it('jwksStaleGrace: 0 (relying-party option) fails closed at the TTL with jwks_failed', async () => {
    const { rp, state, clock, token } = await breakableIssuer({ jwksStaleGrace: 0 });
    await rp.verifyIdToken(await token());
    state.failure = 'http-503';
    clock.advance(TTL * 1000 + 1000);
    expect(await codeOf(rp.verifyIdToken(await token()))).toBe('jwks_failed');
  });

  it('refuses a negative jwksStaleGrace (config_invalid)', async () => {
    const idp = await fakeIssuer();
    expect(() => idp.rp({ jwksStaleGrace: -1 })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });

  it('does not retry a failing refresh on every call, and recovers when the provider does', async () => {
    const { idp, rp, state, clock, token } = await breakableIssuer();
    await rp.verifyIdToken(await token());
    expect(state.jwksCalls).toBe(1);
    state.failure = 'http-503';
    clock.advance(TTL * 1000 + 1000);
    for (let i = 0; i < 5; i += 1) {
      await rp.verifyIdToken(await token());
      clock.advance(1000);
    }
    expect(state.jwksCalls).toBe(2);
    clock.advance(INTERVAL * 1000);
    await rp.verifyIdToken(await token());
    expect(state.jwksCalls).toBe(3);

    // The provider comes back with a rotated key: the next allowed retry picks it up.
    state.failure = undefined;
    const next = await newKey('k2');
    idp.keys.unshift(next);
    clock.advance(INTERVAL * 1000);
    await rp.verifyIdToken(await token(next));
    expect(state.jwksCalls).toBe(4);
    await rp.verifyIdToken(await token(next));
    expect(state.jwksCalls).toBe(4);
  });

  it('an unknown kid during a failing refresh causes no extra fetch (key_not_found)', async () => {
    const { rp, state, clock, token } = await breakableIssuer();
    await rp.verifyIdToken(await token());
    state.failure = 'network';
    clock.advance(TTL * 1000 + 1000);
    const stranger = await newKey('nobody');
    for (let i = 0; i < 5; i += 1) {
      expect(await codeOf(rp.verifyIdToken(await token(stranger)))).toBe('key_not_found');
    }
    expect(state.jwksCalls).toBe(2);
    await expect(rp.verifyIdToken(await token())).resolves.toMatchObject({
      claims: { sub: 'citizen-1' },
    });
    expect(state.jwksCalls).toBe(2);
  });
});
