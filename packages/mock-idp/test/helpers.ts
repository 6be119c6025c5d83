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

/** {@link setup}, plus the openid-client configuration of `rp` (private_key_jwt). */
export async function connect(
  overrides: Partial<MockClientInput> = {},
  options: MockIdpOptions = {},
): Promise<Awaited<ReturnType<typeof setup>> & { config: client.Configuration }> {
  const made = await setup(overrides, options);
  return { ...made, config: await discover(made.idp, 'rp', client.PrivateKeyJwt(made.privateKey)) };
}

/** openid-client discovery over plain HTTP for a `client_secret_basic` client. */
export function discoverOverHttp(
  issuer: string,
  clientId: string,
  secret: string,
): Promise<client.Configuration> {
  return client.discovery(new URL(issuer), clientId, undefined, client.ClientSecretBasic(secret), {
    execute: [client.allowInsecureRequests],
  });
}

/** A form POST (`application/x-www-form-urlencoded`) to `url`. */
export function formPost(
  url: string,
  fields: ConstructorParameters<typeof URLSearchParams>[0],
  headers: Record<string, string> = {},
): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Follow the authorization URL in-process: returns the redirect Location. */
export async function follow(idp: MockIdp, url: URL | string): Promise<URL> {
  const res = await idp.fetch(new Request(url));
  const location = res.headers.get('location');
  if (location === null) throw new Error(`no redirect (status ${res.status}): ${await res.text()}`);
  return new URL(location);
}

/** A login's callback and what its code grant checks. */
export interface Flow {
  readonly callback: URL;
  readonly verifier: string;
  readonly nonce: string;
  readonly state: string;
}

/** An authorization request with PKCE, nonce and state (pushed with `par`, its PAR request proved by `DPoP`). */
export async function authorizationRequest(
  config: client.Configuration,
  params: Record<string, string> = {},
  { par = false, DPoP }: { par?: boolean; DPoP?: client.DPoPHandle } = {},
): Promise<{ url: URL; verifier: string; nonce: string; state: string }> {
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
    ...params,
  };
  const url = par
    ? await client.buildAuthorizationUrlWithPAR(config, all, DPoP && { DPoP })
    : client.buildAuthorizationUrl(config, all);
  return { url, verifier, nonce, state };
}

/** A headless login in-process as `citizen-l2` unless `login_hint` says otherwise: {@link authorizationRequest}, then its redirect to the callback. */
export async function headlessLogin(
  idp: MockIdp,
  config: client.Configuration,
  params: Record<string, string> = {},
  options: { par?: boolean; DPoP?: client.DPoPHandle } = {},
): Promise<Flow> {
  const { url, ...checks } = await authorizationRequest(
    config,
    { login_hint: 'citizen-l2', ...params },
    options,
  );
  return { callback: await follow(idp, url), ...checks };
}

/** Redeems a login's code, checking its ID token, PKCE verifier, nonce and state (with a DPoP proof when given). */
export function exchange(
  config: client.Configuration,
  flow: Flow,
  DPoP?: client.DPoPHandle,
): ReturnType<typeof client.authorizationCodeGrant> {
  return client.authorizationCodeGrant(
    config,
    flow.callback,
    {
      pkceCodeVerifier: flow.verifier,
      expectedNonce: flow.nonce,
      expectedState: flow.state,
      idTokenExpected: true,
    },
    undefined,
    DPoP && { DPoP },
  );
}
