/**
 * Revocation marks, kept in the store for both session strategies: a session id that
 * ended, a provider session (`sid`) or a subject logged out by a back-channel logout.
 * Reads check them, so a copy of a cookie replayed after logout is no session.
 */
import type { Session } from './session';
import { getMany, type SessionStore } from './store';

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

/** What names a session's revocation marks: its id, issuer, subject and provider session. */
export type MarkedSession = Pick<Session, 'id' | 'issuer' | 'sub' | 'sid'>;

/** The revocation marks of one session manager. */
export interface Revocations {
  /**
   * The store keys of a session's marks, so a strategy can read them in the same round
   * trip as the session record; {@link Revocations.judge} reads the values in this order.
   */
  keysOf(session: MarkedSession): string[];
  /** Whether the session is revoked, given the values stored under `keysOf(session)`. */
  judge(session: Session, marks: readonly (string | undefined)[]): boolean;
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
  // A frozen session (one read before, shared) always has the same keys.
  const known = new WeakMap<MarkedSession, string[]>();
  const keysOf = (session: MarkedSession): string[] => {
    const remembered = known.get(session);
    if (remembered !== undefined) return remembered;
    const keys = [endedKey(session.id), revokedSubKey(session.issuer, session.sub)];
    if (session.sid !== undefined) keys.push(revokedSidKey(session.issuer, session.sid));
    if (Object.isFrozen(session)) known.set(session, Object.freeze(keys) as string[]);
    return keys;
  };
  const judge = (session: Session, marks: readonly (string | undefined)[]): boolean => {
    // An ended session id, or a provider session (sid) logged out, is over whenever the
    // mark was written, even during the callback that created this session. A subject's
    // mark ends only the sessions created before it (the citizen may log in again).
    const [ended, bySub, bySid] = marks;
    if (ended !== undefined || (session.sid !== undefined && bySid !== undefined)) return true;
    return bySub !== undefined && Number(bySub) >= session.createdAt;
  };
  return {
    keysOf,
    judge,
    isRevoked: async (session) => judge(session, await getMany(store, keysOf(session))),

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
