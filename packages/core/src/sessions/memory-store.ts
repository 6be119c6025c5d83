import type { SessionStore } from './store';

/** Options for {@link memoryStore}. */
export interface MemoryStoreOptions {
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
  /** Most entries kept; the oldest are dropped first beyond it. Default 10 000. */
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
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { value: string; expiresAt: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return Promise.resolve(undefined);
      if (entry.expiresAt <= now()) {
        entries.delete(key);
        return Promise.resolve(undefined);
      }
      return Promise.resolve(entry.value);
    },
    set(key, value, ttlSeconds) {
      entries.delete(key);
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
      // Map iteration is insertion order: the first keys are the oldest writes.
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return Promise.resolve();
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
