import type { ReplayCache } from '../rp/types';

/**
 * An in-memory {@link ReplayCache} for one process. Use a shared store (Redis) when the
 * application runs on several instances. Expired entries are pruned as it is used;
 * `maxEntries` bounds memory (oldest dropped first).
 *
 * @param options - `now` clock and `maxEntries` bound.
 * @returns the cache.
 * @example
 * ```ts
 * const rp = createRelyingParty({ ...config, replayCache: memoryReplayCache() });
 * ```
 */
export function memoryReplayCache(
  options: { now?: () => number; maxEntries?: number } = {},
): ReplayCache {
  const now = options.now ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 100_000;
  const seen = new Map<string, number>();
  return {
    add(key, expiresAt) {
      const time = now();
      for (const [entry, until] of seen) {
        if (until > time && seen.size < maxEntries) break;
        seen.delete(entry);
      }
      const until = seen.get(key);
      if (until !== undefined && until > time) return Promise.resolve(false);
      seen.delete(key);
      seen.set(key, expiresAt);
      return Promise.resolve(true);
    },
  };
}
