import { capacityKeeper } from './capacity';

/**
 * Remembers what was already accepted (a webhook delivery, a logout token id, a QR
 * approval) so it is accepted once. `add` must be atomic — check and record in one step, like Redis
 * `SET key 1 NX PX ttl` — so two concurrent deliveries cannot both pass.
 */
export interface ReplayCache {
  /**
   * Records `key` until `expiresAt` (epoch milliseconds).
   * @returns `true` when newly recorded, `false` when it was already there (a replay).
   */
  add(key: string, expiresAt: number): Promise<boolean>;
  /**
   * Forgets `key` before it expires (optional): how a hold taken with `add` — a QR poll in
   * flight — is released. Without it a hold lasts until its expiry.
   */
  delete?(key: string): Promise<void>;
}

/** Options of {@link memoryReplayCache}. */
export interface MemoryReplayCacheOptions {
  /**
   * Most live entries kept (default 100 000). When it is full of unexpired entries `add`
   * fails with `store_unavailable` rather than forgetting one (a forgotten entry would let
   * its replay through). Expired entries are dropped as `add`s go on (after as
   * many as the last sweep left entries, at least 64), so the cache holds at most about
   * twice its live entries.
   */
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
  const maxEntries = options.maxEntries ?? 100_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, number>();
  const room = capacityKeeper(entries, (e) => e, maxEntries, 'replay cache');
  return {
    add(key, expiresAt) {
      const at = now();
      const known = entries.get(key);
      if (known !== undefined && known > at) return Promise.resolve(false);
      const full = room(key, at);
      if (full !== undefined) return Promise.reject(full);
      entries.set(key, expiresAt);
      return Promise.resolve(true);
    },
    delete(key) {
      entries.delete(key);
      return Promise.resolve();
    },
  };
}
