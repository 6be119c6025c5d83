import { capacityKeeper } from '../capacity';
import type { SessionStore } from './store';

/** Options for {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /**
   * Most live entries kept. Default 100 000. When it is full of unexpired entries a write
   * fails with `store_unavailable` rather than dropping one: an entry may be a logout mark
   * that keeps an ended session ended. Expired entries are dropped as writes go on (after as
   * many writes as the last sweep left entries, at least 64), so the store holds at most
   * about twice its live entries, not every entry written until it fills.
   */
  maxEntries?: number;
}

/**
 * An in-process {@link SessionStore}: for development, tests and single-instance apps.
 * Sessions are lost on restart and not shared between instances; use `redisStore` then.
 *
 * @example
 * ```ts
 * const auth = createAuthHandlers(rp, { secrets, sessions: { store: memoryStore() } });
 * ```
 */
export function memoryStore(options: MemoryStoreOptions = {}): SessionStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 100_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const room = capacityKeeper(entries, (e) => e.expiresAt, maxEntries, 'session store');
  const read = (key: string, at: number): string | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= at) {
      entries.delete(key);
      return undefined;
    }
    return entry.value;
  };
  return {
    get: (key) => Promise.resolve(read(key, now())),
    getMany(keys) {
      const at = now();
      return Promise.resolve(keys.map((key) => read(key, at)));
    },
    set(key, value, ttlSeconds) {
      const at = now();
      const full = room(key, at);
      if (full !== undefined) return Promise.reject(full);
      entries.set(key, { value, expiresAt: at + ttlSeconds * 1000 });
      return Promise.resolve();
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
