/**
 * Where server-side session data lives. Values are strings (JSON written by us); every
 * entry has a time to live so an abandoned session cleans itself up.
 */

/**
 * A key-value store with expiry, for store-backed sessions and the back-channel logout
 * revocation list. `memoryStore()` for one process, `redisStore(client)` for several.
 */
export interface SessionStore {
  /** The value under `key`, or `undefined` when there is none (or it expired). */
  get(key: string): Promise<string | undefined>;
  /** Stores `value` under `key` for `ttlSeconds` seconds (a positive integer). */
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
