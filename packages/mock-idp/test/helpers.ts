/** Test helpers: an in-process mock and an openid-client configuration that talks to it. */
import * as client from 'openid-client';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import {
  createMockIdp,
  type MockClientInput,
  type MockIdp,
  type MockIdpOptions,
} from '../src/index';

export const ISSUER = 'http://127.0.0.1:9400';
export const REDIRECT = 'http://127.0.0.1:3000/auth/callback';

/** A private_key_jwt client key pair. */
export async function clientKeys(): Promise<{ privateKey: CryptoKey; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'rp-1', alg: 'ES256', use: 'sig' },
  };
}

/** A mock with one private_key_jwt client (`rp`) plus the dev client. */
export async function setup(
  overrides: Partial<MockClientInput> = {},
  options: MockIdpOptions = {},
): Promise<{ idp: MockIdp; privateKey: CryptoKey; publicJwk: JWK; rp: MockClientInput }> {
  const { privateKey, publicJwk } = await clientKeys();
  const rp: MockClientInput = {
    clientId: 'rp',
    name: 'Ngân hàng Thử nghiệm',
    redirectUris: [REDIRECT],
    postLogoutRedirectUris: ['http://127.0.0.1:3000/'],
    authMethods: ['private_key_jwt'],
    jwks: { keys: [publicJwk] },
    ...overrides,
  };
  const idp = createMockIdp({
    issuer: ISSUER,
    autoApprove: true,
    admin: true,
    clients: [
      rp,
      {
        clientId: 'dinhdanh-dev',
        clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
        redirectUris: [REDIRECT],
      },
    ],
    ...options,
  });
  await idp.ready;
  return { idp, privateKey, publicJwk, rp };
}

/** openid-client discovery against the in-process mock (customFetch, no port). */
export async function discover(
  idp: MockIdp,
  clientId: string,
  auth: client.ClientAuth,
  metadata: Partial<client.ClientMetadata> = {},
): Promise<client.Configuration> {
  const config = await client.discovery(new URL(idp.issuer), clientId, metadata, auth, {
    execute: [client.allowInsecureRequests],
    [client.customFetch]: (url, init) => idp.fetch(new Request(url, init as RequestInit)),
  });
  return config;
}

/** Follow the authorization URL in-process: returns the redirect Location. */
export async function follow(idp: MockIdp, url: URL | string): Promise<URL> {
  const res = await idp.fetch(new Request(url));
  const location = res.headers.get('location');
  if (location === null) throw new Error(`no redirect (status ${res.status}): ${await res.text()}`);
  return new URL(location);
}

/** A headless login with PKCE: authorization URL → callback URL. */
export async function headlessLogin(
  idp: MockIdp,
  config: client.Configuration,
  params: Record<string, string> = {},
  { par = false }: { par?: boolean } = {},
): Promise<{ callback: URL; verifier: string; nonce: string; state: string }> {
  const verifier = client.randomPKCECodeVerifier();
  const nonce = client.randomNonce();
  const state = client.randomState();
  const all = {
    redirect_uri: REDIRECT,
    scope: 'openid profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    nonce,
    state,
    login_hint: 'citizen-l2',
    ...params,
  };
  const url = par
    ? await client.buildAuthorizationUrlWithPAR(config, all)
    : client.buildAuthorizationUrl(config, all);
  return { callback: await follow(idp, url), verifier, nonce, state };
}
