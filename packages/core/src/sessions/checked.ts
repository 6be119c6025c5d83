/**
 * The session schema check, once per distinct value: a session cookie is sent again on
 * every request, and re-validating the same immutable record each time is most of a read.
 * Expiry, relying party and revocation are not part of this and are checked on every read.
 */
import { deepFreeze } from '../seal/seal';
import { sessionSchema, type Session } from './session';

/** Checks session records, remembering those that passed. */
export interface SessionChecker {
  /**
   * A value the sealer opened, as a session, or undefined when it is not one. A frozen value
   * (the sealer's memory hands back the same frozen object) is checked once.
   */
  ofValue(value: unknown): Session | undefined;
  /**
   * A stored record (JSON text) under session id `id` as that session, or undefined (not
   * a session, or another id's); the same text is checked once.
   */
  ofJson(id: string, raw: string): Session | undefined;
}

/**
 * Sessions that passed are frozen and shared by every read of the same value, so no request
 * can change what the next one sees. About the `maxEntries` most recently read records are
 * kept, by session id (a short key; the text must match whole).
 */
export function sessionChecker(maxEntries = 256): SessionChecker {
  const byValue = new WeakMap<object, Session>();
  // Two generations stand in for an exact LRU (see rememberingUnsealer).
  const half = Math.max(1, Math.floor(maxEntries / 2));
  let young = new Map<string, { raw: string; session: Session }>();
  let old = new Map<string, { raw: string; session: Session }>();
  const remember = (id: string, entry: { raw: string; session: Session }): void => {
    if (young.size >= half) {
      old = young;
      young = new Map();
    }
    young.set(id, entry);
  };

  const check = (value: unknown): Session | undefined => {
    const parsed = sessionSchema.safeParse(value);
    return parsed.success ? deepFreeze(parsed.data) : undefined;
  };

  return {
    ofValue(value) {
      if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) {
        return check(value);
      }
      const known = byValue.get(value);
      if (known !== undefined) return known;
      const session = check(value);
      if (session !== undefined) byValue.set(value, session);
      return session;
    },
    ofJson(id, raw) {
      const known = young.get(id);
      if (known?.raw === raw) return known.session;
      const aged = old.get(id);
      if (aged?.raw === raw) {
        remember(id, aged);
        return aged.session;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const session = check(value);
      if (session?.id !== id) return undefined;
      remember(id, { raw, session });
      return session;
    },
  };
}
