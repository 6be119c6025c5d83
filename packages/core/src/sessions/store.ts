import { bounded, STORE_TIMEOUT_MS } from '../bounded';
import { DinhDanhError, isDinhDanhError } from '../errors';

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
  /**
   * The values under `keys`, in order (`undefined` where there is none), read together:
   * one round trip (Redis `MGET`) for a session record and its revocation marks.
   * Optional: stores without it are read key by key, concurrently.
   */
  getMany?(keys: readonly string[]): Promise<(string | undefined)[]>;
}

/** The values under `keys`, in one call where the store can, else key by key. */
export function getMany(
  store: SessionStore,
  keys: readonly string[],
): Promise<(string | undefined)[]> {
  if (store.getMany !== undefined) return store.getMany(keys);
  return Promise.all(keys.map((key) => store.get(key)));
}

/** Stores kept in this process, whose calls settle at once: no time bound needed. */
const inProcess = new WeakSet<SessionStore>();

/**
 * Marks a store created here as answering in-process (the default `memoryStore`): its
 * calls are not raced against a timer. A copy or wrapper of it is not marked.
 */
export function answersInProcess<S extends SessionStore>(store: S): S {
  inProcess.add(store);
  return store;
}

/**
 * The store as the session manager uses it: any failure of the app's store (a dropped
 * connection, a call unanswered after {@link STORE_TIMEOUT_MS}) becomes `store_unavailable` (503), so a request fails closed with
 * a clean code instead of a 500, and the next request tries the store again.
 */
export function failClosed(store: SessionStore): SessionStore {
  const timed = !inProcess.has(store);
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return timed
        ? await bounded(run(), STORE_TIMEOUT_MS, () => new Error('store call timed out'))
        : await run();
    } catch (error) {
      if (isDinhDanhError(error)) throw error;
      throw new DinhDanhError(
        'store_unavailable',
        'The session store is not answering. Try again in a moment.',
        { cause: error },
      );
    }
  };
  return {
    get: (key) => guard(() => store.get(key)),
    set: (key, value, ttl) => guard(() => store.set(key, value, ttl)),
    delete: (key) => guard(() => store.delete(key)),
    getMany: (keys) => guard(() => getMany(store, keys)),
  };
}
