import { describe, expect, it } from 'vitest';
import {
  acrValuesFor,
  createRelyingParty,
  dvcqg,
  levelFromAcr,
  oidc,
  postid,
  vneid,
} from '@dinhdanh/core';
import { codeOf } from '../support/errors';
import { FAKE_ISSUER, fakeIssuer, newKey } from '../support/fake-issuer';

const base = {
  issuer: 'https://idp.example',
  clientId: 'bank',
  redirectUri: 'https://bank.example/callback',
  clientAuth: {
    method: 'client_secret_basic' as const,
    clientSecret: 'a-development-secret-of-32-bytes!!',
  },
};

async function configMessage(config: unknown): Promise<string> {
  try {
    createRelyingParty(config as Parameters<typeof createRelyingParty>[0]);
  } catch (error) {
    expect(await codeOf(Promise.reject(error as Error))).toBe('config_invalid');
    return (error as Error).message;
  }
  throw new Error('expected config_invalid');
}

describe('configuration is validated with messages that say what to fix', () => {
  it('accepts a valid configuration', () => {
    expect(createRelyingParty(base).issuer).toBe('https://idp.example');
  });

  it('missing redirect URI', async () => {
    expect(await configMessage({ ...base, redirectUri: undefined })).toMatch(/redirectUri/);
  });

  it('http: issuer outside localhost', async () => {
    expect(await configMessage({ ...base, issuer: 'http://idp.example' })).toMatch(/https:/);
    expect(createRelyingParty({ ...base, issuer: 'http://127.0.0.1:4000' }).issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('private key without kid', async () => {
    const { kid: _kid, ...key } = await newKey('x');
    expect(
      await configMessage({ ...base, clientAuth: { method: 'private_key_jwt', privateKey: key } }),
    ).toMatch(/kid/);
  });

  it('public key instead of a private one', async () => {
    const { d: _d, ...key } = await newKey('x');
    expect(
      await configMessage({ ...base, clientAuth: { method: 'private_key_jwt', privateKey: key } }),
    ).toMatch(/private/);
  });

  it('secret shorter than 32 bytes', async () => {
    expect(
      await configMessage({
        ...base,
        clientAuth: { method: 'client_secret_basic', clientSecret: 'short' },
      }),
    ).toMatch(/32 bytes/);
  });

  it('not an object, or a non-function fetch', async () => {
    await configMessage(null);
    await configMessage({ ...base, fetch: 'nope' });
  });
});

describe('discovery', () => {
  it('is cached for its TTL', async () => {
    const idp = await fakeIssuer();
    let now = Date.now();
    const rp = idp.rp({ now: () => now, discoveryTtl: 60 });
    await rp.verifyIdToken(await idp.sign({ exp: Math.floor(now / 1000) + 3600 }));
    await rp.startLogin();
    await rp.startLogin();
    expect(idp.requests.filter((p) => p.startsWith('/.well-known')).length).toBe(1);
    now += 61_000;
    await rp.startLogin();
    expect(idp.requests.filter((p) => p.startsWith('/.well-known')).length).toBe(2);
  });

  it('retries with backoff, then succeeds', async () => {
    const idp = await fakeIssuer();
    idp.failures.push(503, 500);
    const delays: number[] = [];
    const rp = idp.rp({
      discoveryAttempts: 3,
      discoveryBackoffMs: 100,
      sleep: (ms) => (delays.push(ms), Promise.resolve()),
    });
    const { url } = await rp.startLogin();
    expect(url.startsWith(`${FAKE_ISSUER}/authorize?`)).toBe(true);
    expect(delays).toEqual([100, 200]);
  });

  it('discovery_failed after the last attempt', async () => {
    const idp = await fakeIssuer();
    idp.failures.push(503, 503, 503);
    expect(await codeOf(idp.rp({ discoveryAttempts: 3 }).startLogin())).toBe('discovery_failed');
  });

  it('issuer_mismatch when the document names another issuer (no retry)', async () => {
    const idp = await fakeIssuer();
    idp.metadata.issuer = 'https://evil.example';
    expect(await codeOf(idp.rp().startLogin())).toBe('issuer_mismatch');
    expect(idp.requests.length).toBe(1);
  });

  it('config_invalid when PAR is required but not offered; plain URL otherwise', async () => {
    const idp = await fakeIssuer();
    expect(await codeOf(idp.rp({ par: 'required' }).startLogin())).toBe('config_invalid');
    const { url } = await idp
      .rp()
      .startLogin({ level: 2, locale: 'vi', prompt: 'login', maxAge: 300 });
    const params = new URL(url).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('acr_values')).toBe('urn:dinhdanh:loa:2');
    expect(params.get('ui_locales')).toBe('vi');
    expect(params.get('max_age')).toBe('300');
  });
});

describe('levels and provider profiles', () => {
  it('map the acr variants seen in the wild to levels', () => {
    for (const profile of [vneid(), postid(), dvcqg(), oidc()]) {
      expect(levelFromAcr(profile, '2')).toBe(2);
      expect(levelFromAcr(profile, 'LoA1')).toBe(1);
      expect(levelFromAcr(profile, 'urn:dinhdanh:loa:2')).toBe(2);
      expect(levelFromAcr(profile, 'toString')).toBeUndefined();
    }
    expect(acrValuesFor(vneid(), 1)).toEqual(['1', '2']);
    expect(acrValuesFor(dvcqg(), 2)).toEqual(['LoA2']);
    expect(acrValuesFor(oidc(), 0)).toEqual([]);
    expect(acrValuesFor(oidc(), 1)).toEqual(['urn:dinhdanh:loa:1', 'urn:dinhdanh:loa:2']);
  });

  it('are overridable', () => {
    const profile = vneid({
      acr: { 'https://vneid.gov.vn/loa/high': 2 },
      acrValues: { 2: 'https://vneid.gov.vn/loa/high' },
    });
    expect(levelFromAcr(profile, 'https://vneid.gov.vn/loa/high')).toBe(2);
    expect(acrValuesFor(profile, 2)).toEqual(['https://vneid.gov.vn/loa/high']);
    expect(profile.dialect).toBe('vneid-sso');
  });
});
