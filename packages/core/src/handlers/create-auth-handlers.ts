import { DinhDanhError } from '../errors';
import type { RelyingParty } from '../rp/types';
import { createSessionManager } from '../sessions/manager';
import { parseCookieHeader } from '../sessions/cookies';
import type { Session } from '../sessions/session';
import { backchannelLogout } from './backchannel-logout';
import { callback } from './callback';
import { requestContext, type RequestContext } from './context';
import { login } from './login';
import { logout } from './logout';
import { me } from './me';
import { resolveOptions, type AuthHandlersOptions } from './options';
import { qrPoll, qrStart } from './qr';
import {
  asDinhDanhError,
  errorResponse,
  json,
  methodNotAllowed,
  noStoreHeaders,
  withHandlerHeaders,
} from './responses';

/** A web-standard request handler. */
export type AuthHandler = (request: Request) => Promise<Response>;

/** What {@link createAuthHandlers} returns. */
export interface AuthHandlers {
  /**
   * `GET /login?request=&level=&returnTo=&prompt=&locale=&login_hint=&stepUp=`: starts the
   * named login request (`options.requests`) and redirects to the provider.
   */
  readonly login: AuthHandler;
  /** `GET /callback`: completes the login, runs `onLogin`, sets the session, redirects to `returnTo`. */
  readonly callback: AuthHandler;
  /** `POST /logout` (CSRF-checked): ends the session, 303 to the provider's logout. */
  readonly logout: AuthHandler;
  /** `POST /backchannel-logout`: OpenID Connect Back-Channel Logout endpoint. */
  readonly backchannelLogout: AuthHandler;
  /** `GET /me`: JSON session summary (never tokens). */
  readonly me: AuthHandler;
  /** `POST /qr/start` (CSRF-checked, JSON `{ request, level, returnTo }`): starts a cross-device login. */
  readonly qrStart: AuthHandler;
  /** `GET /qr/poll`: polls the cross-device login once. */
  readonly qrPoll: AuthHandler;
  /** Routes by path under `basePath` to the handlers above; 404 elsewhere. */
  readonly handle: AuthHandler;
  /**
   * The live session of a request, for app code and adapters (undefined when none).
   * @throws `store_unavailable` when the session store does not answer (fail closed).
   */
  readonly getSession: (request: Request) => Promise<Session | undefined>;
  /**
   * {@link AuthHandlers.getSession} from the request's `Cookie` header alone, for adapters
   * that hold a framework's request rather than a web `Request`: the same checks (seal,
   * expiry, relying party, revocation), and the cookie names follow the configured trusted
   * origin, never the request's. Sessions read from the same cookie may be one shared,
   * frozen object: treat it as read-only.
   *
   * @param cookieHeader - The `Cookie` header value; `null` or `undefined` when absent.
   * @returns The live session, or undefined when none (bad, expired, foreign or revoked).
   * @throws `store_unavailable` when the session store does not answer (fail closed).
   * @example
   * ```ts
   * const session = await auth.getSessionFromCookies(req.headers.cookie);
   * ```
   */
  readonly getSessionFromCookies: (
    cookieHeader: string | null | undefined,
  ) => Promise<Session | undefined>;
}

/**
 * Web-standard (`Request` → `Response`) handlers for login, callback, logout,
 * back-channel logout, session summary and QR login, with sealed-cookie or store-backed
 * sessions. Framework adapters only translate to and from these.
 *
 * @param rp - From `createRelyingParty(config)`.
 * @param options - At least `secrets` (≥ 32 bytes each).
 * @returns The handlers and a router, `handle`.
 * @throws `config_invalid` for bad options (short secret, `storage: 'store'` without a store, ...).
 * @example
 * ```ts
 * const auth = createAuthHandlers(rp, {
 *   secrets: [process.env.SESSION_SECRET!],
 *   sessions: { store: redisStore(redis) },
 * });
 * Bun.serve({ fetch: (request) => auth.handle(request) });
 * ```
 */
export function createAuthHandlers(rp: RelyingParty, options: AuthHandlersOptions): AuthHandlers {
  if (typeof rp !== 'object' || rp === null || typeof rp.redirectUri !== 'string') {
    throw new DinhDanhError(
      'config_invalid',
      'createAuthHandlers(rp, options) needs the relying party from createRelyingParty(config).',
    );
  }
  const resolved = resolveOptions(options, rp.redirectUri);
  const sessions = createSessionManager({
    secrets: resolved.secrets,
    storage: resolved.storage,
    store: resolved.store,
    cookieName: resolved.cookieName,
    ...(resolved.maxAge === undefined ? {} : { maxAge: resolved.maxAge }),
    keepIdentity: resolved.keepIdentity,
    relyingParty: { issuer: rp.issuer, clientId: rp.clientId },
    now: resolved.now,
  });

  async function readSession(cookieHeader: string | null | undefined) {
    return (await sessions.read(parseCookieHeader(cookieHeader), resolved.cookiePolicy)).session;
  }

  const pageLinks = { retry: `${resolved.basePath}/login`, home: resolved.defaultReturnTo };

  /** The one error path: the error rendered, with the cookies the handler set or cleared. */
  async function fail(error: unknown, request: Request, headers: Headers): Promise<Response> {
    const problem = asDinhDanhError(error);
    if (resolved.onError !== undefined) {
      return withHandlerHeaders(await resolved.onError(problem, request), headers);
    }
    return errorResponse(problem, request, pageLinks, headers);
  }

  function guarded(
    method: 'GET' | 'POST',
    run: (ctx: RequestContext) => Promise<Response>,
  ): AuthHandler {
    return async (request) => {
      if (request.method !== method) return methodNotAllowed(method);
      let ctx: RequestContext | undefined;
      try {
        ctx = requestContext(request, resolved);
        return await run(ctx);
      } catch (error) {
        return fail(error, request, ctx?.headers ?? noStoreHeaders());
      }
    };
  }

  const handlers = {
    login: guarded('GET', (ctx) => login(rp, resolved, ctx)),
    callback: guarded('GET', (ctx) => callback(rp, resolved, sessions, ctx)),
    logout: guarded('POST', (ctx) => logout(rp, resolved, sessions, ctx)),
    backchannelLogout: guarded('POST', (ctx) => backchannelLogout(rp, sessions, ctx)),
    me: guarded('GET', (ctx) => me(resolved, sessions, ctx)),
    qrStart: guarded('POST', (ctx) => qrStart(rp, resolved, sessions, ctx)),
    qrPoll: guarded('GET', (ctx) => qrPoll(rp, resolved, sessions, ctx)),
  };

  const routes: Record<string, AuthHandler> = {
    '/login': handlers.login,
    '/callback': handlers.callback,
    '/logout': handlers.logout,
    '/backchannel-logout': handlers.backchannelLogout,
    '/me': handlers.me,
    '/qr/start': handlers.qrStart,
    '/qr/poll': handlers.qrPoll,
  };

  return {
    ...handlers,
    async handle(request) {
      let path: string;
      try {
        path = new URL(request.url).pathname;
      } catch {
        return json({ error: { code: 'input_invalid', message: 'Bad request URL.' } }, 400);
      }
      const route =
        path.startsWith(`${resolved.basePath}/`) &&
        Object.hasOwn(routes, path.slice(resolved.basePath.length))
          ? routes[path.slice(resolved.basePath.length)]
          : undefined;
      if (route === undefined) {
        return json({ error: { code: 'input_invalid', message: 'No such auth route.' } }, 404);
      }
      return route(request);
    },
    getSession: (request) => readSession(request.headers.get('cookie')),
    getSessionFromCookies: readSession,
  };
}
