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
  /** A stored record (JSON text) as a session, or undefined; the same text is checked once. */
  ofJson(raw: string): Session | undefined;
}

/**
 * Sessions that passed are frozen and shared by every read of the same value, so no request
 * can change what the next one sees. Only the `maxEntries` most recently read texts are kept.
 */
export function sessionChecker(maxEntries = 256): SessionChecker {
  const byValue = new WeakMap<object, Session>();
  const byJson = new Map<string, Session>();

  const check = (value: unknown): Session | undefined => {
    const parsed = sessionSchema.safeParse(value);
    return parsed.success ? (deepFreeze(parsed.data) as Session) : undefined;
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
    ofJson(raw) {
      const known = byJson.get(raw);
      if (known !== undefined) {
        // Most recently used last, so the oldest goes first when full.
        byJson.delete(raw);
        byJson.set(raw, known);
        return known;
      }
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        return undefined;
      }
      const session = check(value);
      if (session === undefined) return undefined;
      if (byJson.size >= maxEntries) byJson.delete(byJson.keys().next().value as string);
      byJson.set(raw, session);
      return session;
    },
  };
}
