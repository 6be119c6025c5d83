/**
 * Shared helpers: a mock identity provider reached in-process (core's injectable fetch or
 * msw) or over HTTP, a relying party for one of its clients, and a headless login
 * (login_hint + autoApprove: the authorize endpoint redirects straight back with a code).
 */
import { parseSetCookie } from 'cookie';
import {
  createRelyingParty,
  dvcqg,
  oidc,
  postid,
  vneid,
  type LoginResult,
  type ProviderProfile,
  type RelyingParty,
  type RelyingPartyConfig,
  type StartLoginOptions,
} from '@dinhdanh/core';
import {
  createMockIdp,
  type Dialect,
  type MockClientInput,
  type MockIdp,
  type MockIdpOptions,
} from '@dinhdanh/mock-idp';

/** An issuer nothing listens on: requests reach the mock through fetch injection or msw. */
export const ISSUER = 'https://vneid.mock.test';
/** The relying party's origin and redirect URI. */
export const APP = 'https://bank.example';
export const REDIRECT = `${APP}/auth/callback`;
export const POST_LOGOUT = `${APP}/`;
export const SECRET = 'integration-client-secret-0123456789-abcdef';
export const SEAL_SECRET = 'integration-seal-secret-integration-seal-0123';

/** Which core provider profile speaks which mock dialect. */
export const PROFILES: readonly {
  readonly dialect: Dialect;
  readonly profile: () => ProviderProfile;
}[] = [
  { dialect: 'standard', profile: () => oidc() },
  { dialect: 'vneid-sso', profile: () => vneid() },
  { dialect: 'dvcqg', profile: () => dvcqg() },
  { dialect: 'postid', profile: () => postid() },
];

/** A client of the mock using client_secret_basic, registered for {@link REDIRECT}. */
export function mockClient(
  clientId: string,
  extra: Partial<MockClientInput> = {},
): MockClientInput {
  return {
    clientId,
    clientSecret: SECRET,
    name: 'Ngân hàng Tích hợp',
    redirectUris: [REDIRECT],
    postLogoutRedirectUris: [POST_LOGOUT],
    authMethods: ['client_secret_basic'],
    ...extra,
  };
}

/** One client per dialect (`rp-standard`, `rp-vneid-sso`, ...), plus extras. */
export function dialectClients(extra: readonly MockClientInput[] = []): MockClientInput[] {
  return [...PROFILES.map(({ dialect }) => mockClient(`rp-${dialect}`, { dialect })), ...extra];
}

/** An in-process mock (autoApprove for headless logins). */
export async function inProcessIdp(options: MockIdpOptions = {}): Promise<MockIdp> {
  const idp = createMockIdp({
    issuer: ISSUER,
    autoApprove: true,
    clients: dialectClients(),
    ...options,
  });
  await idp.ready;
  return idp;
}

/** A fetch that answers every request with `idp.fetch` (core's injectable fetch). */
export function fetchVia(idp: MockIdp): NonNullable<RelyingPartyConfig['fetch']> {
  return (input, init) => idp.fetch(new Request(input, init));
}

/** A relying party for `clientId` at `issuer`; `fetch` omitted → global fetch (msw / HTTP). */
export function relyingParty(
  issuer: string,
  clientId: string,
  options: Partial<RelyingPartyConfig> = {},
): RelyingParty {
  return createRelyingParty({
    issuer,
    clientId,
    redirectUri: REDIRECT,
    postLogoutRedirectUri: POST_LOGOUT,
    clientAuth: { method: 'client_secret_basic', clientSecret: SECRET },
    ...options,
  });
}

/** GET a URL without following redirects; returns the Location (throws when there is none). */
export async function redirectOf(
  url: string,
  fetcher: (request: Request) => Promise<Response>,
): Promise<string> {
  const response = await fetcher(new Request(url, { redirect: 'manual' }));
  const location = response.headers.get('location');
  if (location === null) {
    throw new Error(
      `expected a redirect from ${url}, got ${response.status}: ${await response.text()}`,
    );
  }
  return new URL(location, url).toString();
}

/** The default way to reach a URL: the real global fetch (msw or a real server). */
export const globalFetcher = (request: Request): Promise<Response> => fetch(request);

/** Headless login: startLogin with login_hint, follow the redirect, finishLogin. */
export async function headlessLogin(
  rp: RelyingParty,
  persona: string,
  fetcher: (request: Request) => Promise<Response>,
  options: StartLoginOptions = {},
): Promise<LoginResult> {
  const callback = await headlessCallback(rp, persona, fetcher, options);
  return rp.finishLogin(callback.url, callback.transaction);
}

/** startLogin + the provider's redirect back: the callback URL and the transaction. */
export async function headlessCallback(
  rp: RelyingParty,
  persona: string,
  fetcher: (request: Request) => Promise<Response>,
  options: StartLoginOptions = {},
): Promise<{
  url: string;
  transaction: Awaited<ReturnType<RelyingParty['startLogin']>>['transaction'];
}> {
  const start = await rp.startLogin({
    ...options,
    extraParams: { login_hint: persona, ...options.extraParams },
  });
  const url = await redirectOf(start.url, fetcher);
  return { url, transaction: start.transaction };
}

/** A browser's cookie store for the web handlers (Set-Cookie parsed by the `cookie` library). */
export class Jar {
  readonly cookies = new Map<string, string>();

  apply(response: Response): this {
    for (const header of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(header);
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value ?? '');
    }
    return this;
  }

  request(url: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) {
      headers.set(
        'cookie',
        [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      );
    }
    return new Request(url, { ...init, headers });
  }
}

/** Runs `fn` and returns the `code` of the error it throws (fails when it does not throw). */
export async function errorCode(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? code : `not a DinhDanhError: ${String(error)}`;
  }
  throw new Error('expected a DinhDanhError, but the call succeeded');
}
