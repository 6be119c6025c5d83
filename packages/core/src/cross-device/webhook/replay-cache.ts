/**
 * Remembers what was already accepted (a webhook delivery, a logout token id) so it is
 * accepted once. `add` must be atomic — check and record in one step, like Redis
 * `SET key 1 NX PXAT expiresAt` — so two concurrent deliveries cannot both pass.
 */
export interface ReplayCache {
  /**
   * Records `key` until `expiresAt` (epoch milliseconds).
   * @returns `true` when newly recorded, `false` when it was already there (a replay).
   */
  add(key: string, expiresAt: number): Promise<boolean>;
}

/** Options of {@link memoryReplayCache}. */
export interface MemoryReplayCacheOptions {
  /** Most entries kept (default 10 000); past it the entries closest to expiry go first. */
  readonly maxEntries?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * An in-process {@link ReplayCache} for one server and for tests. Several server
 * processes need a shared cache (Redis) instead, or a replay sent to another process passes.
 *
 * @param options Capacity and clock.
 * @returns A replay cache that forgets entries when they expire.
 *
 * @example
 * ```ts
 * const replayCache = memoryReplayCache();
 * const payload = await verifyWebhook(request, { secret, replayCache });
 * ```
 */
export function memoryReplayCache(options: MemoryReplayCacheOptions = {}): ReplayCache {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, number>();
  const prune = (at: number): void => {
    for (const [key, expiresAt] of entries) if (expiresAt <= at) entries.delete(key);
    if (entries.size < maxEntries) return;
    const byExpiry = [...entries].sort((a, b) => a[1] - b[1]);
    for (const [key] of byExpiry.slice(0, entries.size - maxEntries + 1)) entries.delete(key);
  };
  return {
    add(key, expiresAt) {
      const at = now();
      const known = entries.get(key);
      if (known !== undefined && known > at) return Promise.resolve(false);
      if (entries.size >= maxEntries) prune(at);
      entries.set(key, expiresAt);
      return Promise.resolve(true);
    },
  };
}
