/**
 * Configuration of the partner profile, refused at createRelyingParty (not on the first
 * login): client authentication other than client_secret_post, and static endpoints
 * (VNeID partners get them by document, not discovery).
 */
import { describe, expect, it } from 'vitest';
import { createRelyingParty, type RelyingPartyConfig } from '@dinhdanh/core';
import { vneidPartner, type VneidPartnerOptions } from '@dinhdanh/core/vneid-partner';
import { exportJWK, generateKeyPair } from 'jose';
import { CITIZEN, CLIENT_ID, CLIENT_SECRET, ISSUER, REDIRECT_URI } from './provider.fixture';
import { failure, pair, setup } from './support';

const ENDPOINTS = {
  authorization: `${ISSUER}/authorize`,
  token: `${ISSUER}/token`,
  userinfo: `${ISSUER}/userinfo`,
};

function create(
  extra: Partial<RelyingPartyConfig> = {},
  profile: Partial<VneidPartnerOptions> = {},
  issuer = ISSUER,
) {
  return Promise.resolve().then(() =>
    createRelyingParty({
      issuer,
      clientId: CLIENT_ID,
      redirectUri: REDIRECT_URI,
      clientAuth: { method: 'client_secret_post', clientSecret: CLIENT_SECRET },
      provider: vneidPartner({ privateKey: pair.pkcs8, ...profile }),
      ...extra,
    }),
  );
}

describe('partner profile: client authentication', () => {
  it('private_key_jwt is config_invalid at creation, saying to use client_secret_post', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'k1' } as never;
    const error = await failure(
      create({ clientAuth: { method: 'private_key_jwt', privateKey: jwk } }),
    );
    expect(error.code).toBe('config_invalid');
    expect(error.text).toContain('client_secret_post');
    expect(error.text).toContain('private_key_jwt');
  });

  it('client_secret_basic is config_invalid at creation too (the secret goes in the body)', async () => {
    const error = await failure(
      create({ clientAuth: { method: 'client_secret_basic', clientSecret: CLIENT_SECRET } }),
    );
    expect(error.code).toBe('config_invalid');
    expect(error.text).toContain('{ method: "client_secret_post", clientSecret }');
    expect(error.text).not.toContain(CLIENT_SECRET);
  });

  it('client_secret_post is accepted and also works for a standard OIDC provider config', async () => {
    await expect(create()).resolves.toBeDefined();
    await expect(
      Promise.resolve().then(() =>
        createRelyingParty({
          issuer: ISSUER,
          clientId: CLIENT_ID,
          redirectUri: REDIRECT_URI,
          clientAuth: { method: 'client_secret_post', clientSecret: CLIENT_SECRET },
        }),
      ),
    ).resolves.toBeDefined();
  });
});

describe('partner profile: static endpoints (no discovery)', () => {
  it('logs in without ever fetching the discovery document', async () => {
    const { rp, provider } = setup({ encryptCode: true }, { endpoints: ENDPOINTS });
    const { url, transaction } = await rp.startLogin({ level: 2 });
    expect(url.startsWith(`${ENDPOINTS.authorization}?`)).toBe(true);
    const { callback } = await provider.authorize(url);
    const result = await rp.finishLogin(callback, transaction);
    expect(result.identity.subject).toBe(CITIZEN.citizenPid);
    expect(result.source).toBe('userinfo');
    expect(provider.requested.map((href) => new URL(href).pathname)).toEqual([
      '/token',
      '/userinfo',
    ]);
  });

  const BAD: readonly (readonly [string, Partial<typeof ENDPOINTS>])[] = [
    ['token on another origin', { token: 'https://evil.example/token' }],
    ['userinfo over http (not localhost)', { userinfo: 'http://sso.vneid.example/userinfo' }],
    ['authorization on another port', { authorization: 'https://sso.vneid.example:8443/a' }],
    ['a relative token URL', { token: '/token' }],
  ];
  for (const [what, change] of BAD) {
    it(`${what} is config_invalid at creation, naming the endpoint`, async () => {
      const error = await failure(create({}, { endpoints: { ...ENDPOINTS, ...change } }));
      expect(error.code).toBe('config_invalid');
      const name = Object.keys(change)[0] ?? '';
      expect(error.text).toContain(`endpoints.${name}`);
      expect(error.text).toContain(new URL(ISSUER).origin);
    });
  }

  it('a missing endpoint is config_invalid from vneidPartner itself', async () => {
    const partial = { authorization: ENDPOINTS.authorization, token: ENDPOINTS.token };
    const error = await failure(create({}, { endpoints: partial as unknown as typeof ENDPOINTS }));
    expect(error.code).toBe('config_invalid');
    expect(error.text).toContain('{ authorization, token, userinfo }');
  });

  it('http endpoints are allowed for a localhost issuer', async () => {
    const local = 'http://127.0.0.1:8765';
    const endpoints = {
      authorization: `${local}/authorize`,
      token: `${local}/token`,
      userinfo: `${local}/userinfo`,
    };
    await expect(create({}, { endpoints }, local)).resolves.toBeDefined();
  });
});
