// The bounds and caches around the attacks: a hanging key fetch fails every waiting login
// within the bound and the next login fetches again; a rotated key costs exactly one
// refetch; clearCaches() forgets discovery and keys; verifyIdToken and finishLogin agree.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import { login, rpOf } from './cases';
import { CLIENT_ID, startHostileProvider, type HostileProvider } from './provider';

let hp: HostileProvider;
beforeEach(async () => {
  hp = await startHostileProvider();
});
afterEach(async () => {
  await hp.close();
});

async function failure(work: Promise<unknown>): Promise<{ code: string; path?: string }> {
  try {
    await work;
  } catch (error) {
    if (isDinhDanhError(error))
      return { code: error.code, ...(error.path === undefined ? {} : { path: error.path }) };
    throw error;
  }
  throw new Error('expected a DinhDanhError, got success');
}

describe('a hanging key fetch', () => {
  it('fails every login waiting on it with jwks_failed, and the next login fetches again', async () => {
    hp.answers.jwks = 'hang';
    const rp = rpOf(hp);
    const attempt = async () => {
      const { transaction } = await rp.startLogin();
      const query = new URLSearchParams({
        state: transaction.state,
        code: transaction.nonce ?? '',
      });
      return rp.finishLogin(`http://127.0.0.1/callback?${query.toString()}`, transaction);
    };
    // Three logins share the one in-flight key fetch; each fails at the bound.
    const results = await Promise.all([attempt(), attempt(), attempt()].map((p) => failure(p)));
    expect(results).toEqual([
      { code: 'jwks_failed', path: 'jwks_uri' },
      { code: 'jwks_failed', path: 'jwks_uri' },
      { code: 'jwks_failed', path: 'jwks_uri' },
    ]);
    expect(hp.hits['/jwks']).toBe(1);
    delete hp.answers.jwks;
    const result = await attempt();
    expect(result.idTokenClaims.sub).toBe('citizen-1');
    expect(hp.hits['/jwks']).toBe(2);
  });
});

describe('key rotation', () => {
  it('a token signed with a newly published key costs exactly one refetch', async () => {
    const rp = rpOf(hp);
    await rp.verifyIdToken(await hp.sign());
    expect(hp.hits['/jwks']).toBe(1);
    const next = await hp.newKey('k2');
    hp.keys.push(next);
    await rp.verifyIdToken(await hp.sign({}, {}, next));
    await rp.verifyIdToken(await hp.sign({}, {}, next));
    expect(hp.hits['/jwks']).toBe(2);
  });
});

describe('clearCaches()', () => {
  it('drops discovery and keys: the next operation fetches both again', async () => {
    const rp = rpOf(hp);
    await rp.verifyIdToken(await hp.sign());
    await rp.verifyIdToken(await hp.sign());
    expect(hp.hits['/.well-known/openid-configuration']).toBe(1);
    expect(hp.hits['/jwks']).toBe(1);
    // The provider replaced its key; without clearCaches the old set is used until jwksTtl.
    hp.keys = [await hp.newKey('k1')];
    expect(await failure(rp.verifyIdToken(await hp.sign()))).toEqual({
      code: 'signature_invalid',
      path: 'id_token',
    });
    rp.clearCaches();
    await rp.verifyIdToken(await hp.sign());
    expect(hp.hits['/.well-known/openid-configuration']).toBe(2);
    expect(hp.hits['/jwks']).toBe(2);
  });
});

describe('finishLogin and verifyIdToken agree', () => {
  it.each([
    [{ aud: [CLIENT_ID, 'other-client'] }, { code: 'audience_mismatch', path: 'aud' }],
    [
      { aud: [CLIENT_ID, 'other-client'], azp: 'other-client' },
      { code: 'audience_mismatch', path: 'azp' },
    ],
    [{ sub: undefined }, { code: 'token_invalid', path: 'sub' }],
    [{ iat: undefined }, { code: 'token_invalid', path: 'iat' }],
    [{ iss: 'https://evil.example' }, { code: 'token_invalid', path: 'iss' }],
  ])('%o → %o', async (claims, expected) => {
    const token = await hp.sign(claims);
    expect(await failure(rpOf(hp).verifyIdToken(token))).toEqual(expected);
    hp.idToken = (nonce) => hp.sign({ ...claims, nonce });
    expect(await failure(login(hp))).toEqual(expected);
  });

  it('an unknown crit header is token_invalid at crit both ways', async () => {
    const token = await hp.signRaw({}, { crit: ['x-hostile'], 'x-hostile': true });
    expect(await failure(rpOf(hp).verifyIdToken(token))).toEqual({
      code: 'token_invalid',
      path: 'crit',
    });
  });
});

describe('an injected fetch that ignores the abort signal is bounded too', () => {
  it('a request that never settles', async () => {
    const rp = rpOf(hp, { fetch: () => new Promise<Response>(() => undefined) });
    expect(await failure(rp.startLogin())).toEqual({ code: 'discovery_failed', path: 'issuer' });
  });

  it('a body that never ends', async () => {
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
    const rp = rpOf(hp, {
      fetch: (input, init) =>
        (input instanceof Request ? input.url : input.toString()).endsWith('/jwks')
          ? Promise.resolve(
              new Response(stalled, { headers: { 'content-type': 'application/json' } }),
            )
          : fetch(input, init),
    });
    expect(await failure(rp.verifyIdToken(await hp.sign()))).toEqual({
      code: 'jwks_failed',
      path: 'jwks_uri',
    });
  });
});
