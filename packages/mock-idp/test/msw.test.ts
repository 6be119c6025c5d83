import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { createMockIdp } from '../src/idp';
import { mockIdpHandlers } from '../src/msw';
import { authorizationRequest, exchange } from './helpers';

const ISSUER = 'https://vneid.mock.test';
const REDIRECT_URI = 'https://bank.example/auth/callback';

describe('mockIdpHandlers (msw 2, no port)', () => {
  const server = setupServer();
  let config: oidc.Configuration;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = {
      ...(await exportJWK(publicKey)),
      kty: 'EC',
      kid: 'bank-1',
      alg: 'ES256',
      use: 'sig',
    };
    const idp = createMockIdp({
      issuer: ISSUER,
      autoApprove: true,
      clients: [
        {
          clientId: 'bank',
          name: 'Ngân hàng Thử nghiệm',
          redirectUris: [REDIRECT_URI],
          authMethods: ['private_key_jwt'],
          jwks: { keys: [jwk] },
          requirePushedAuthorizationRequests: true,
        },
      ],
    });
    server.use(...mockIdpHandlers(idp));
    server.listen({ onUnhandledRequest: 'error' });
    config = await oidc.discovery(
      new URL(ISSUER),
      'bank',
      { token_endpoint_auth_method: 'private_key_jwt' },
      oidc.PrivateKeyJwt({ key: privateKey, kid: 'bank-1' }),
    );
    oidc.enableNonRepudiationChecks(config);
  });
  afterAll(() => server.close());

  it('discovers the issuer in-process', () => {
    expect(config.serverMetadata().issuer).toBe(ISSUER);
    expect(config.serverMetadata().pushed_authorization_request_endpoint).toMatch(
      /^https:\/\/vneid\.mock\.test\//,
    );
  });

  it('logs in headlessly with PAR, PKCE and private_key_jwt, then reads userinfo', async () => {
    const { url, ...checks } = await authorizationRequest(
      config,
      { redirect_uri: REDIRECT_URI, login_hint: 'citizen-l2' },
      { par: true },
    );
    expect(url.searchParams.get('request_uri')).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    const authorize = await fetch(url, { redirect: 'manual' });
    const location = authorize.headers.get('location');
    expect(location?.startsWith(REDIRECT_URI)).toBe(true);
    const tokens = await exchange(config, { callback: new URL(location!), ...checks });
    const claims = tokens.claims()!;
    expect(claims.iss).toBe(ISSUER);
    expect(claims.aud).toBe('bank');
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(userinfo.sub).toBe(claims.sub);
  });

  it('answers the issuer URL itself and every method under it, and nothing outside it', async () => {
    const root = await fetch(ISSUER);
    expect(root.status).toBeGreaterThanOrEqual(200);
    const options = await fetch(`${ISSUER}/.well-known/openid-configuration`, {
      method: 'OPTIONS',
    });
    expect(options.status).toBeLessThan(500);
    await expect(fetch('https://elsewhere.test/')).rejects.toThrow();
  });

  it('serves an issuer with a port (the default http://127.0.0.1:9400) with nothing listening', async () => {
    const local = createMockIdp({ issuer: 'http://127.0.0.1:9400' });
    server.use(...mockIdpHandlers(local));
    const response = await fetch('http://127.0.0.1:9400/.well-known/openid-configuration');
    expect(((await response.json()) as { issuer: string }).issuer).toBe('http://127.0.0.1:9400');
  });

  it('serves an issuer with a path, and only under that path', async () => {
    const nested = createMockIdp({ issuer: 'https://id.mock.test/vneid' });
    server.use(...mockIdpHandlers(nested));
    const response = await fetch('https://id.mock.test/vneid/.well-known/openid-configuration');
    expect(((await response.json()) as { issuer: string }).issuer).toBe(
      'https://id.mock.test/vneid',
    );
    await expect(fetch('https://id.mock.test/other')).rejects.toThrow();
  });
});
