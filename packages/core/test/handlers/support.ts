/**
 * Test helpers for the web handlers: a cookie jar that speaks Set-Cookie (parsed with the
 * `cookie` library) and, for the pure-HTTP concerns only (cookies, CSRF, returnTo), a
 * structural double of RelyingParty. Full flows use a real provider (handlers.flow.test).
 */
import { parseSetCookie, type SetCookie } from 'cookie';
import {
  createAuthHandlers,
  DinhDanhError,
  type AuthHandlers,
  type AuthHandlersOptions,
  type RelyingParty,
} from '@dinhdanh/core';
import type { LoginResult, LoginTransaction } from '@dinhdanh/core';
import { pendingLoginCookie } from '../../src/handlers/pending-logins';

export const ORIGIN = 'https://bank.example';
export const SECRET = 'handler-test-secret-handler-test-secret-0123';
export const T0 = Date.UTC(2026, 0, 1, 8);

/** The Set-Cookie headers of a response, parsed. */
export function setCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((header) => parseSetCookie(header));
}

/** A browser's cookie store: applies Set-Cookie (Max-Age=0 deletes) and sends Cookie. */
export class Jar {
  readonly cookies = new Map<string, string>();

  apply(response: Response): this {
    for (const cookie of setCookies(response)) {
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value ?? '');
    }
    return this;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  request(url: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    return new Request(url, { ...init, headers });
  }
}

export function transactionFor(returnTo?: string): LoginTransaction {
  return {
    v: 1,
    state: 'state-1',
    nonce: 'nonce-1',
    codeVerifier: 'verifier-verifier-verifier-verifier-verifier-0001',
    level: 1,
    claims: ['name'],
    ...(returnTo === undefined ? {} : { returnTo }),
    redirectUri: `${ORIGIN}/auth/callback`,
    issuer: 'https://id.example',
    createdAt: T0,
  };
}

export function resultFor(
  options: { sid?: string; sub?: string; portrait?: string } = {},
): LoginResult {
  const sub = options.sub ?? 'citizen-1';
  return {
    identity: {
      subject: sub,
      issuer: 'https://id.example',
      provider: 'oidc',
      accountType: 'citizen',
      level: 2,
      attributes: {
        name: { full: 'Nguyễn Văn An' },
        pid: '001085123456',
        ...(options.portrait === undefined ? {} : { portrait: options.portrait }),
      },
    },
    tokens: { accessToken: 'AT-SECRET', tokenType: 'Bearer', idToken: 'ID-TOKEN-SECRET' },
    consent: {
      requested: ['name'],
      granted: ['name'],
      required: [],
      provider: 'oidc',
      level: 2,
      at: new Date(T0).toISOString(),
    },
    session: {
      ...(options.sid === undefined ? {} : { sid: options.sid }),
      expiresAt: T0 + 8 * 3600_000,
    },
    idTokenClaims: {},
    source: 'id_token',
  };
}

/** Records what the handlers asked of the relying party. */
export interface FakeRp extends RelyingParty {
  readonly calls: { method: string; args: unknown[] }[];
  nextResult: LoginResult;
}

/**
 * A structural RelyingParty double: `finishLogin` returns `nextResult` when the callback
 * carries `code=good` and the transaction's state, and refuses otherwise.
 */
export function fakeRp(redirectUri = `${ORIGIN}/auth/callback`): FakeRp {
  const calls: { method: string; args: unknown[] }[] = [];
  const unused = (method: string) => () => Promise.reject(new Error(`${method} not used here`));
  const rp: FakeRp = {
    issuer: 'https://id.example',
    clientId: 'bank',
    redirectUri,
    provider: 'oidc',
    calls,
    nextResult: resultFor({ sid: 'op-session-1' }),
    startLogin(options = {}) {
      calls.push({ method: 'startLogin', args: [options] });
      return Promise.resolve({
        url: 'https://id.example/authorize?request_uri=urn:x',
        transaction: transactionFor(options.returnTo),
      });
    },
    finishLogin(callbackUrl, transaction) {
      calls.push({ method: 'finishLogin', args: [String(callbackUrl), transaction] });
      const url = new URL(callbackUrl);
      if (url.searchParams.get('state') !== transaction.state) {
        return Promise.reject(new DinhDanhError('state_mismatch', 'state does not match'));
      }
      if (url.searchParams.get('code') !== 'good') {
        return Promise.reject(new DinhDanhError('invalid_grant', 'code refused'));
      }
      return Promise.resolve(rp.nextResult);
    },
    stepUp(options) {
      calls.push({ method: 'stepUp', args: [options] });
      return Promise.resolve({
        url: 'https://id.example/authorize?request_uri=urn:step-up',
        transaction: { ...transactionFor(options.returnTo), level: options.level },
      });
    },
    refresh: unused('refresh'),
    verifyIdToken: unused('verifyIdToken'),
    verifyAccessToken: unused('verifyAccessToken'),
    logoutUrl(options = {}) {
      calls.push({ method: 'logoutUrl', args: [options] });
      return Promise.resolve('https://id.example/logout');
    },
    verifyLogoutToken(jwt) {
      calls.push({ method: 'verifyLogoutToken', args: [jwt] });
      const [kind, value] = jwt.split(':');
      if (kind === 'sid' && value !== undefined) return Promise.resolve({ sid: value });
      if (kind === 'sub' && value !== undefined) return Promise.resolve({ sub: value });
      return Promise.reject(new DinhDanhError('logout_token_invalid', 'bad token'));
    },
    startQrLogin: unused('startQrLogin'),
    pollQrLogin: unused('pollQrLogin'),
    clearCaches: () => undefined,
  };
  return rp;
}

/** Logs in through the handlers with the double: GET /login, then GET /callback. */
export async function loginWith(
  auth: { handle: (request: Request) => Promise<Response> },
  jar: Jar,
  query = '',
  origin = ORIGIN,
): Promise<Response> {
  const start = await auth.handle(jar.request(`${origin}/auth/login${query}`));
  jar.apply(start);
  const callback = await auth.handle(
    jar.request(`${origin}/auth/callback?code=good&state=state-1`),
  );
  jar.apply(callback);
  return callback;
}

/** The error body of a JSON error response. */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? 'none';
}

/** A movable clock for the handlers (starts at T0). */
export const clock = { now: T0 };

/** Handlers over `rp` with the test secret and the movable clock. */
export function handlersFor(
  rp: RelyingParty,
  extra: Partial<AuthHandlersOptions> = {},
): AuthHandlers {
  return createAuthHandlers(rp, { secrets: SECRET, now: () => clock.now, ...extra });
}

/** The transaction cookie of the double's logins (state `state-1`), secure and on localhost. */
export const TX = await pendingLoginCookie('state-1', { secure: true, path: '/' });
export const LOCAL_TX = await pendingLoginCookie('state-1', { secure: false, path: '/' });
