/**
 * Revocation marks, kept in the store for both session strategies: a session id that
 * ended, a provider session (`sid`) or a subject logged out by a back-channel logout.
 * Reads check them, so a copy of a cookie replayed after logout is no session.
 */
import type { Session } from './session';
import type { SessionStore } from './store';

/** Revocations and indexes outlive every session they could match (31 days). */
export const INDEX_TTL_SECONDS = 60 * 60 * 24 * 31;

const enc = encodeURIComponent;
const revokedSidKey = (issuer: string, sid: string) => `revoked-sid:${enc(issuer)}:${enc(sid)}`;
const revokedSubKey = (issuer: string, sub: string) => `revoked-sub:${enc(issuer)}:${enc(sub)}`;
const endedKey = (id: string) => `ended:${id}`;

/** What a back-channel logout token names: a provider session, or else a subject. */
export interface LogoutMatch {
  readonly sub?: string;
  readonly sid?: string;
}

/**
 * The key a logout match is kept under: by provider session when it names one, else by
 * subject; undefined when it names neither.
 */
export function keyOfMatch(
  issuer: string,
  match: LogoutMatch,
  keys: {
    sid: (issuer: string, sid: string) => string;
    sub: (issuer: string, sub: string) => string;
  },
): string | undefined {
  if (match.sid !== undefined) return keys.sid(issuer, match.sid);
  return match.sub === undefined ? undefined : keys.sub(issuer, match.sub);
}

/** The revocation marks of one session manager. */
export interface Revocations {
  /** Whether the session ended, or its provider session or subject was logged out. */
  isRevoked(session: Session): Promise<boolean>;
  /** Remembers that a session ended, until it would have expired. */
  markEnded(session: Session): Promise<void>;
  /** Marks a provider session (`sid`), or else a subject, as logged out. */
  revoke(issuer: string, match: LogoutMatch): Promise<void>;
}

/**
 * @param ttl - How long a back-channel mark is kept (seconds): at least the longest
 * session it could revoke.
 */
export function createRevocations(
  store: SessionStore,
  now: () => number,
  ttl: number,
): Revocations {
  return {
    async isRevoked(session) {
      // An ended session id, or a provider session (sid) logged out, is over whenever the
      // mark was written, even during the callback that created this session. A subject's
      // mark ends only the sessions created before it (the citizen may log in again).
      const [ended, bySid, bySub] = await Promise.all([
        store.get(endedKey(session.id)),
        session.sid === undefined
          ? undefined
          : store.get(revokedSidKey(session.issuer, session.sid)),
        store.get(revokedSubKey(session.issuer, session.sub)),
      ]);
      if (ended !== undefined || bySid !== undefined) return true;
      return bySub !== undefined && Number(bySub) >= session.createdAt;
    },

    async markEnded(session) {
      const left = Math.ceil((session.expiresAt - now()) / 1000);
      if (left > 0) await store.set(endedKey(session.id), String(now()), left);
    },

    async revoke(issuer, match) {
      const key = keyOfMatch(issuer, match, { sid: revokedSidKey, sub: revokedSubKey });
      if (key !== undefined) await store.set(key, String(now()), ttl);
    },
  };
}
