/**
 * Reading, creating and ending sessions for the web handlers. Two storages:
 * - `cookie`: the whole session (without tokens) sealed into a chunked cookie; a
 *   back-channel logout cannot reach the browser, so it writes the provider `sid` (or
 *   `sub`) into a revocation list in the store, checked on every read.
 * - `store`: the cookie holds a sealed pointer; the record, tokens included, lives in the
 *   store, with an index from provider `sid` and `sub` to session ids so a back-channel
 *   logout deletes exactly the matching sessions.
 */
import * as base64url from 'jose/base64url';
import { DinhDanhError } from '../errors';
import type { Identity } from '../claims/identity';
import type { LoginResult } from '../rp/types';
import { sealSession, unsealSession } from '../seal/session';
import { sealValue, unsealValue } from '../seal/seal';
import type { SealSecrets } from '../seal/secrets';
import {
  clearChunkedCookie,
  cookieName,
  readChunkedCookie,
  writeChunkedCookie,
  type CookiePolicy,
  type RequestCookies,
} from './cookies';
import { sessionSchema, type Session } from './session';
import type { SessionStore } from './store';
import * as z from 'zod/mini';

/** Where sessions live. */
export type SessionStorage = 'cookie' | 'store';

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
  readonly now: () => number;
}

/** What reading a request's session found. */
export interface SessionRead {
  /** The live session, if any. */
  readonly session?: Session;
  /** The request carried a session cookie that is no longer good (clear it). */
  readonly stale: boolean;
}

const pointerSchema = z.object({ id: z.string().check(z.minLength(16)) });
const idListSchema = z.array(z.string());

/** Revocations and indexes outlive every session they could match. */
const INDEX_TTL_SECONDS = 60 * 60 * 24 * 31;

function randomId(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
}

const enc = encodeURIComponent;
const sessionKey = (id: string) => `session:${id}`;
const sidIndexKey = (issuer: string, sid: string) => `sid:${enc(issuer)}:${enc(sid)}`;
const subIndexKey = (issuer: string, sub: string) => `sub:${enc(issuer)}:${enc(sub)}`;
const revokedSidKey = (issuer: string, sid: string) => `revoked-sid:${enc(issuer)}:${enc(sid)}`;
const revokedSubKey = (issuer: string, sub: string) => `revoked-sub:${enc(issuer)}:${enc(sub)}`;
const endedKey = (id: string) => `ended:${id}`;

/** Drops the portrait (tens of kilobytes) from the identity a session keeps. */
export function withoutPortrait(identity: Identity): Identity {
  const { portrait: _portrait, ...attributes } = identity.attributes;
  return { ...identity, attributes };
}

async function readIds(store: SessionStore, key: string): Promise<string[]> {
  const raw = await store.get(key);
  if (raw === undefined) return [];
  try {
    const parsed = idListSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function addId(store: SessionStore, key: string, id: string, ttl: number): Promise<void> {
  const ids = await readIds(store, key);
  // Bounded: one citizen rarely has more than a few live sessions; keep the newest.
  // Read-modify-write: two logins of one citizen in the same instant may drop one id
  // from the index; the revocation marks still end that session on its next read.
  const next = [...ids.filter((existing) => existing !== id), id].slice(-50);
  await store.set(key, JSON.stringify(next), Math.max(ttl, INDEX_TTL_SECONDS));
}

/** Creates the session manager used by the web handlers. */
export function createSessionManager(options: SessionManagerOptions) {
  const { store, now } = options;
  const seal = { secrets: options.secrets, now };
  // How long a back-channel revocation mark is kept (seconds). Cookie sessions cannot be
  // deleted, so create() caps them at this lifetime: no cookie outlives its mark.
  const revocationTtl = Math.max(INDEX_TTL_SECONDS, options.maxAge ?? 0);

  async function isRevoked(session: Session): Promise<boolean> {
    // An ended session id, or a provider session (sid) logged out, is over whenever the
    // mark was written, even during the callback that created this session. A subject's
    // mark ends only the sessions created before it (the citizen may log in again).
    const [ended, bySid, bySub] = await Promise.all([
      store.get(endedKey(session.id)),
      session.sid === undefined ? undefined : store.get(revokedSidKey(session.issuer, session.sid)),
      store.get(revokedSubKey(session.issuer, session.sub)),
    ]);
    if (ended !== undefined || bySid !== undefined) return true;
    return bySub !== undefined && Number(bySub) >= session.createdAt;
  }

  /** Remembers that a sealed cookie session ended: it stays valid until it expires. */
  async function markEnded(session: Session): Promise<void> {
    const ttl = Math.ceil((session.expiresAt - now()) / 1000);
    if (ttl > 0) await store.set(endedKey(session.id), String(now()), ttl);
  }

  async function loadFromStore(id: string): Promise<Session | undefined> {
    const raw = await store.get(sessionKey(id));
    if (raw === undefined) return undefined;
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(raw));
      return parsed.success && parsed.data.id === id ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    /** The name of the session cookie on the wire. */
    cookieName(policy: CookiePolicy): string {
      return cookieName(options.cookieName, policy);
    },

    /**
     * The request's live session. A bad, expired or revoked cookie reads as no session
     * (`stale`); a store that does not answer throws `store_unavailable` (fail closed).
     */
    async read(cookies: RequestCookies, policy: CookiePolicy): Promise<SessionRead> {
      const sealed = readChunkedCookie(cookies, cookieName(options.cookieName, policy));
      if (sealed === undefined) return { stale: false };
      let session: Session | undefined;
      let pointerId: string | undefined;
      try {
        if (options.storage === 'cookie') {
          session = await unsealSession(sealed, seal);
        } else {
          const pointer = pointerSchema.safeParse(await unsealValue('session-ref', sealed, seal));
          pointerId = pointer.success ? pointer.data.id : undefined;
        }
      } catch {
        // seal_invalid / seal_expired: a cookie we cannot open is no session.
        return { stale: true };
      }
      // Store failures propagate (fail closed), they do not log the user out.
      if (pointerId !== undefined) session = await loadFromStore(pointerId);
      if (session === undefined || session.expiresAt <= now()) return { stale: true };
      if (await isRevoked(session)) return { stale: true };
      return { session, stale: false };
    },

    /** Builds the session for a finished login. */
    create(result: LoginResult): Session {
      const createdAt = now();
      const maxAge =
        options.storage === 'cookie'
          ? Math.min(options.maxAge ?? Infinity, revocationTtl)
          : options.maxAge;
      const capped = maxAge === undefined ? Infinity : createdAt + maxAge * 1000;
      const identity = options.keepIdentity(result.identity);
      const session: Session = {
        id: randomId(),
        sub: identity.subject,
        issuer: identity.issuer,
        ...(result.session.sid === undefined ? {} : { sid: result.session.sid }),
        level: identity.level,
        identity,
        ...(options.storage === 'store' ? { tokens: { ...result.tokens } } : {}),
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

    /** Saves a session and writes its cookie(s) onto `headers`. */
    async commit(
      session: Session,
      headers: Headers,
      cookies: RequestCookies,
      policy: CookiePolicy,
    ): Promise<void> {
      const ttl = Math.ceil((session.expiresAt - now()) / 1000);
      const name = cookieName(options.cookieName, policy);
      if (options.storage === 'cookie') {
        const sealed = await sealSession(session, { ...seal, ttl });
        writeChunkedCookie(headers, cookies, name, sealed, policy, ttl);
        return;
      }
      await store.set(sessionKey(session.id), JSON.stringify(session), ttl);
      await addId(store, subIndexKey(session.issuer, session.sub), session.id, ttl);
      if (session.sid !== undefined) {
        await addId(store, sidIndexKey(session.issuer, session.sid), session.id, ttl);
      }
      const pointer = await sealValue('session-ref', { id: session.id }, { ...seal, ttl });
      writeChunkedCookie(headers, cookies, name, pointer, policy, ttl);
    },

    /**
     * Ends a session a new login replaces: its store record deleted, or for a sealed
     * cookie an ended mark, so a copy of the old cookie is no session either.
     */
    async discard(session: Session): Promise<void> {
      if (options.storage === 'store') await store.delete(sessionKey(session.id));
      else await markEnded(session);
    },

    /** Ends the request's session (store record deleted) and clears its cookies. */
    async end(
      session: Session | undefined,
      headers: Headers,
      cookies: RequestCookies,
      policy: CookiePolicy,
    ): Promise<void> {
      if (session !== undefined && options.storage === 'store') {
        await store.delete(sessionKey(session.id));
      } else if (session !== undefined) {
        // So a copy replayed after logout is refused.
        await markEnded(session);
      }
      clearChunkedCookie(headers, cookies, cookieName(options.cookieName, policy), policy);
    },

    /**
     * Ends every session matching a verified back-channel logout token: by `sid` when
     * it names one, else every session of `sub`.
     */
    async endMatching(issuer: string, match: { sub?: string; sid?: string }): Promise<void> {
      const at = String(now());
      const indexKey =
        match.sid !== undefined
          ? sidIndexKey(issuer, match.sid)
          : match.sub !== undefined
            ? subIndexKey(issuer, match.sub)
            : undefined;
      if (indexKey === undefined) return;
      // Revocation marks work in both modes and catch a session written concurrently.
      await store.set(
        match.sid !== undefined
          ? revokedSidKey(issuer, match.sid)
          : revokedSubKey(issuer, match.sub ?? ''),
        at,
        revocationTtl,
      );
      if (options.storage === 'store') {
        const ids = await readIds(store, indexKey);
        await Promise.all(ids.map((id) => store.delete(sessionKey(id))));
        await store.delete(indexKey);
      }
    },
  };
}

/** The session manager used by the web handlers. */
export type SessionManager = ReturnType<typeof createSessionManager>;
