import type { AttributeName } from '../claims/attributes';
import type { Identity } from '../claims/identity';
import * as z from 'zod/mini';
import { ATTRIBUTE_NAMES } from '../claims/attributes';
import { zodMessages } from '../config/messages';
import { DinhDanhError } from '../errors';
import { normaliseSecrets, type SealSecrets } from '../seal/secrets';
import { memoryStore } from '../sessions/memory-store';
import { withoutPortrait } from '../sessions/manager';
import type { CookiePolicy } from '../sessions/cookies';
import type { SessionStorage } from '../sessions/session';
import { answersInProcess, type SessionStore } from '../sessions/store';
import { functionOption, seconds } from './option-schemas';
import type { LoginResult } from '../rp/types';
import { resolveRequests, type NamedLoginRequest, type NamedLoginRequests } from './requests';
import { checkReturnTo } from './return-to';

/**
 * What {@link AuthHandlersOptions.onLogin} returns: nothing to go on (the session is written
 * and the browser sent to `returnTo`), or a `Response` to send instead — then no session is
 * written and the browser's previous session, if any, is left as it was.
 */
// `void` so that a hook with no `return` (or an async one) type-checks.
export type OnLoginOutcome = Response | undefined | void;

/**
 * Called after the provider's answer is verified and before the session is written
 * (browser callback and QR login). Check consent, link the citizen to your own account,
 * refuse a login. Throwing refuses it: the error response is sent and no session written.
 */
export type OnLogin = (
  result: LoginResult,
  request: Request,
) => OnLoginOutcome | Promise<OnLoginOutcome>;

/** Session options of {@link AuthHandlersOptions}. */
export interface AuthSessionOptions {
  /**
   * `cookie` (default without a store): the session sealed in a cookie, tokens dropped.
   * `store` (default with a store): the session and its tokens in the store, a sealed
   * pointer in the cookie.
   */
  storage?: SessionStorage;
  /**
   * Session records in `store` mode, and the back-channel logout revocation list in both
   * modes. Default: `memoryStore()` — one process only; use `redisStore` with several.
   */
  store?: SessionStore;
  /** Cookie name; `__Host-` is prefixed on secure origins. Default `dinhdanh.session`. */
  cookieName?: string;
  /** Cap on a session's life in seconds (the relying party's own `sessionMaxAge` applies too). */
  maxAge?: number;
  /** What of the identity a session keeps. Default: everything but the portrait. */
  keepIdentity?: (identity: Identity) => Identity;
}

/** Options of `createAuthHandlers`. */
export interface AuthHandlersOptions {
  /** Sealing secrets (≥ 32 bytes each). The first seals, all unseal: prepend to rotate. */
  secrets: SealSecrets;
  /** Where `handle` mounts the routes. Default `/auth`. */
  basePath?: string;
  /**
   * The app's public origin (`https://bank.example`): what the CSRF check compares the
   * browser's `Origin` with, what `returnTo` must stay on, and whether cookies are `Secure`.
   * Default: the origin of the relying party's `redirectUri`. The request's own URL is never
   * trusted for this (a `//host` request-target or a forged `Host` can make it anything).
   */
  origin?: string;
  /** Whether cookies are `Secure` (and `__Host-` prefixed). Default: yes, except when the app's origin is http://localhost. */
  secureCookies?: boolean;
  /** Sessions. */
  sessions?: AuthSessionOptions;
  /** Lifetime of the login transaction cookie in seconds. Default 600. */
  transactionMaxAge?: number;
  /** Where to go after login when no `returnTo` was given. Default `/`. */
  defaultReturnTo?: string;
  /** Where to go after logout (sent to the provider as `post_logout_redirect_uri`). */
  postLogoutRedirectUri?: string;
  /** Also end the provider session (RP-Initiated Logout). Default `true`. */
  providerLogout?: boolean;
  /** Require the CSRF token on logout and QR start even when origin headers vouch. Default `false`. */
  requireCsrfToken?: boolean;
  /** Attributes `GET /me` returns. Default `['name']`. Tokens never. */
  meAttributes?: readonly AttributeName[];
  /**
   * The logins the app allows, by name: `/login?request=open-account` starts
   * `requests['open-account']`, `/login` alone starts `requests.default` (or the engine's
   * defaults: the profile's level, no attributes). Attributes and purpose come only from
   * here; a query or body with `claims`, `required` or `purpose` is refused (`input_invalid`).
   */
  requests?: NamedLoginRequests;
  /** Runs after a verified login, before the session is written: see {@link OnLogin}. */
  onLogin?: OnLogin;
  /** Renders error responses (callback errors reach the user's browser). */
  onError?: (error: DinhDanhError, request: Request) => Response | Promise<Response>;
  /** Clock in epoch milliseconds, also used by the default session store. Default `Date.now`. */
  now?: () => number;
}

/**
 * The options as checked, one schema for every option: what each must be and its default.
 * Function options are checked to be functions (one {@link functionOption}).
 */
const authHandlersOptionsSchema = z.object({
  secrets: z.custom<SealSecrets>(),
  basePath: z._default(
    z.string().check(
      z.overwrite((path) => path.replace(/\/+$/, '')),
      z.refine((path) => path === '' || (path.startsWith('/') && !path.startsWith('//')), {
        error: '`basePath` must be a path such as /auth.',
      }),
    ),
    '/auth',
  ),
  origin: z.optional(z.string()),
  secureCookies: z.optional(z.boolean({ error: '`secureCookies` must be true or false.' })),
  sessions: z._default(
    z.object({
      storage: z.optional(
        z.enum(['cookie', 'store'], { error: "`sessions.storage` must be 'cookie' or 'store'." }),
      ),
      store: z.optional(z.custom<SessionStore>()),
      cookieName: z._default(
        z.string().check(
          z.refine((name) => /^[A-Za-z0-9._-]{1,64}$/.test(name) && !name.startsWith('__'), {
            error: '`sessions.cookieName` may use letters, digits, ".", "_" and "-" only.',
          }),
        ),
        'dinhdanh.session',
      ),
      maxAge: seconds('sessions.maxAge'),
      keepIdentity: functionOption<(identity: Identity) => Identity>('sessions.keepIdentity'),
    }),
    { cookieName: 'dinhdanh.session' },
  ),
  transactionMaxAge: z._default(seconds('transactionMaxAge'), 600),
  defaultReturnTo: z._default(z.string(), '/'),
  postLogoutRedirectUri: z.optional(z.string()),
  providerLogout: z._default(z.boolean({ error: '`providerLogout` must be true or false.' }), true),
  requireCsrfToken: z._default(
    z.boolean({ error: '`requireCsrfToken` must be true or false.' }),
    false,
  ),
  meAttributes: z._default(
    z.readonly(z.array(z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]))),
    ['name'],
  ),
  requests: z.optional(z.unknown()),
  onLogin: functionOption<OnLogin>('onLogin'),
  onError: functionOption<NonNullable<AuthHandlersOptions['onError']>>('onError'),
  now: functionOption<() => number>('now'),
});

type CheckedOptions = z.output<typeof authHandlersOptionsSchema>;

/** The options with defaults applied, checked once at creation. */
export interface ResolvedOptions extends Omit<
  CheckedOptions,
  'sessions' | 'requests' | 'origin' | 'now'
> {
  /** The trusted origin: `origin`, or the redirect URI's. */
  readonly origin: string;
  /** The attributes of every cookie set, decided once from the trusted origin. */
  readonly cookiePolicy: CookiePolicy;
  readonly storage: SessionStorage;
  readonly store: SessionStore;
  readonly cookieName: string;
  /** Base names of the pending QR login and login transaction cookies ({@link companionCookies}). */
  readonly companionCookies: CompanionCookies;
  readonly maxAge: number | undefined;
  readonly keepIdentity: (identity: Identity) => Identity;
  readonly requests: ReadonlyMap<string, NamedLoginRequest>;
  readonly now: () => number;
}

/** Base names (before any `__Host-` prefix) of the short-lived cookies beside the session cookie. */
export interface CompanionCookies {
  /** The pending QR login: `<name>.qr`. */
  readonly qr: string;
  /** Login transactions: `<name>.tx.<key>`, one per pending login. */
  readonly transaction: string;
}

/**
 * The pending-login cookies are named after the session cookie (without a trailing
 * `.session`): the defaults stay `dinhdanh.qr` and `dinhdanh.tx`, and two sets of handlers on
 * one origin with their own `sessions.cookieName` never overwrite each other's logins.
 */
export function companionCookies(sessionCookieName: string): CompanionCookies {
  const base = sessionCookieName.replace(/\.session$/, '');
  return { qr: `${base}.qr`, transaction: `${base}.tx` };
}

function invalid(message: string, path?: string): DinhDanhError {
  return new DinhDanhError('config_invalid', message, path === undefined ? {} : { path });
}

function originOf(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`\`${name}\` must be an absolute URL such as https://bank.example.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid(`\`${name}\` must be http(s).`);
  return url.origin;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `Secure` (and `__Host-`) everywhere but plain http on a loopback host, unless told. */
function cookiePolicyOf(origin: string, secureCookies: boolean | undefined): CookiePolicy {
  const url = new URL(origin);
  const local = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  return { secure: secureCookies ?? !local, path: '/' };
}

/**
 * Applies defaults and checks the handler options.
 * @param redirectUri - The relying party's redirect URI: its origin is the default `origin`.
 * @throws `config_invalid` with what to fix.
 */
export function resolveOptions(options: AuthHandlersOptions, redirectUri: string): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw invalid('createAuthHandlers(rp, options) needs options with at least `secrets`.');
  }
  normaliseSecrets(options.secrets);
  const parsed = authHandlersOptionsSchema.safeParse(options, zodMessages);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw invalid(issue === undefined ? 'Invalid options.' : `${path}: ${issue.message}`, path);
  }
  const { sessions, requests, origin, now: clock, ...checked } = parsed.data;
  const storage = sessions.storage ?? (sessions.store === undefined ? 'cookie' : 'store');
  if (storage === 'store' && sessions.store === undefined) {
    throw invalid(
      "`sessions.storage: 'store'` needs `sessions.store` (memoryStore() or redisStore(client)).",
      'sessions.store',
    );
  }
  const now = clock ?? Date.now;
  const trusted =
    origin === undefined ? originOf(redirectUri, 'rp.redirectUri') : originOf(origin, 'origin');
  return {
    ...checked,
    origin: trusted,
    cookiePolicy: cookiePolicyOf(trusted, checked.secureCookies),
    defaultReturnTo: checkReturnTo(checked.defaultReturnTo, 'http://localhost'),
    storage,
    // The default store keeps the revocation marks of cookie sessions: on the same clock.
    store: sessions.store ?? answersInProcess(memoryStore({ now })),
    cookieName: sessions.cookieName,
    companionCookies: companionCookies(sessions.cookieName),
    maxAge: sessions.maxAge,
    keepIdentity: sessions.keepIdentity ?? withoutPortrait,
    requests: resolveRequests(requests),
    now,
  };
}
