/**
 * Reading, creating and ending sessions for the web handlers, the same way whichever
 * strategy keeps them (`cookie-strategy.ts`, `store-strategy.ts`): the session cookie,
 * expiry and the revocation marks (`revocations.ts`) are handled here once.
 */
import * as base64url from 'jose/base64url';
import { DinhDanhError } from '../errors';
import type { Identity } from '../claims/identity';
import type { LoginResult } from '../rp/types';
import type { SealSecrets } from '../seal/secrets';
import { cookieStrategy } from './cookie-strategy';
import {
  clearChunkedCookie,
  cookieName,
  readChunkedCookie,
  writeChunkedCookie,
  type CookiePolicy,
  type RequestCookies,
} from './cookies';
import { createRevocations, INDEX_TTL_SECONDS, type LogoutMatch } from './revocations';
import { sessionSchema, type Session, type SessionStorage } from './session';
import { failClosed, type SessionStore } from './store';
import { storeStrategy } from './store-strategy';

/** Options of the session manager. */
export interface SessionManagerOptions {
  readonly secrets: SealSecrets;
  readonly storage: SessionStorage;
  /** Session records (store mode) and the revocation list (both modes). */
  readonly store: SessionStore;
  /** Cookie name before any `__Host-` prefix. */
  readonly cookieName: string;
  /**
   * Cap on a session's lifetime in seconds (the provider profile's own cap applies too).
   * In cookie mode a session also lasts at most max(31 days, maxAge): the back-channel
   * revocation mark is kept that long, so it outlives every cookie it could revoke.
   */
  readonly maxAge?: number;
  /** What of the identity a session keeps; default: all but the portrait. */
  readonly keepIdentity: (identity: Identity) => Identity;
  /** The app's relying party: sessions are bound to it, another app's are refused. */
  readonly relyingParty: { readonly issuer: string; readonly clientId: string };
  readonly now: () => number;
}

/** What reading a request's session found. */
export interface SessionRead {
  /** The live session, if any. */
  readonly session?: Session;
  /** The request carried a session cookie that is no longer good (clear it). */
  readonly stale: boolean;
}

/** Sessions as the web handlers use them, whichever strategy keeps them. */
export interface SessionManager {
  /** The name of the session cookie on the wire. */
  cookieName(policy: CookiePolicy): string;
  /**
   * The request's live session. A bad, expired or revoked cookie reads as no session
   * (`stale`); a store that does not answer throws `store_unavailable` (fail closed).
   */
  read(cookies: RequestCookies, policy: CookiePolicy): Promise<SessionRead>;
  /** Builds the session for a finished login. */
  create(result: LoginResult): Session;
  /** Saves a session and writes its cookie(s) onto `headers`. */
  commit(
    session: Session,
    headers: Headers,
    cookies: RequestCookies,
    policy: CookiePolicy,
  ): Promise<void>;
  /** Ends a session a new login replaces, so a copy of its cookie is no session either. */
  discard(session: Session): Promise<void>;
  /** Ends the request's session and clears its cookies. */
  end(
    session: Session | undefined,
    headers: Headers,
    cookies: RequestCookies,
    policy: CookiePolicy,
  ): Promise<void>;
  /**
   * Ends every session matching a verified back-channel logout token: by `sid` when it
   * names one, else every session of `sub`.
   */
  endMatching(issuer: string, match: LogoutMatch): Promise<void>;
}

function randomId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

/** Drops the portrait (tens of kilobytes) from the identity a session keeps. */
export function withoutPortrait(identity: Identity): Identity {
  const { portrait: _portrait, ...attributes } = identity.attributes;
  return { ...identity, attributes };
}

/** Creates the session manager used by the web handlers. */
export function createSessionManager(options: SessionManagerOptions): SessionManager {
  const { now, relyingParty } = options;
  /** Whether this app's relying party made the session (not another app sharing the secret). */
  const madeHere = (session: Session): boolean =>
    session.relyingParty?.issuer === relyingParty.issuer &&
    session.relyingParty.clientId === relyingParty.clientId;
  const store = failClosed(options.store);
  // How long a back-channel revocation mark is kept (seconds). Cookie sessions cannot be
  // deleted, so they are capped at this lifetime: no cookie outlives its mark.
  const revocationTtl = Math.max(INDEX_TTL_SECONDS, options.maxAge ?? 0);
  const revocations = createRevocations(store, now, revocationTtl);
  const strategy =
    options.storage === 'cookie'
      ? cookieStrategy({
          secrets: options.secrets,
          now,
          maxAge: Math.min(options.maxAge ?? Infinity, revocationTtl),
          revocations,
        })
      : storeStrategy({
          secrets: options.secrets,
          now,
          store,
          maxAge: options.maxAge,
          revocations,
        });

  return {
    cookieName: (policy) => cookieName(options.cookieName, policy),

    async read(cookies, policy) {
      const sealed = readChunkedCookie(cookies, cookieName(options.cookieName, policy));
      if (sealed === undefined) return { stale: false };
      const session = await strategy.open(sealed);
      if (session === undefined || session.expiresAt <= now()) return { stale: true };
      if (!madeHere(session)) return { stale: true };
      return { session, stale: false };
    },

    create(result) {
      const createdAt = now();
      const capped = strategy.maxAge === undefined ? Infinity : createdAt + strategy.maxAge * 1000;
      const identity = options.keepIdentity(result.identity);
      const session: Session = {
        id: randomId(),
        sub: identity.subject,
        issuer: identity.issuer,
        ...(result.session.sid === undefined ? {} : { sid: result.session.sid }),
        level: identity.level,
        identity,
        relyingParty: { issuer: relyingParty.issuer, clientId: relyingParty.clientId },
        ...(strategy.keepsTokens ? { tokens: { ...result.tokens } } : {}),
        createdAt,
        expiresAt: Math.min(result.session.expiresAt, capped),
      };
      // What is written must read back: an identity `keepIdentity` broke (a masked ID
      // number, a value of the wrong shape) would otherwise end the session on the next
      // request, silently.
      if (!sessionSchema.safeParse(session).success) {
        throw new DinhDanhError(
          'config_invalid',
          'sessions.keepIdentity returned an identity that is not a valid Identity; drop attributes, do not change them.',
          { path: 'sessions.keepIdentity' },
        );
      }
      return session;
    },

    async commit(session, headers, cookies, policy) {
      const ttl = Math.ceil((session.expiresAt - now()) / 1000);
      const value = await strategy.save(session, ttl);
      writeChunkedCookie(
        headers,
        cookies,
        cookieName(options.cookieName, policy),
        value,
        policy,
        ttl,
      );
    },

    discard: (session) => strategy.remove(session),

    async end(session, headers, cookies, policy) {
      // So a copy replayed after logout is refused.
      if (session !== undefined) await strategy.remove(session);
      clearChunkedCookie(headers, cookies, cookieName(options.cookieName, policy), policy);
    },

    async endMatching(issuer, match) {
      if (match.sid === undefined && match.sub === undefined) return;
      // Revocation marks work in both modes and catch a session written concurrently.
      await revocations.revoke(issuer, match);
      await strategy.removeMatching(issuer, match);
    },
  };
}
