import type { ShareOutcome, ShareResultStore } from './schema';

/** Options of {@link memoryShareResultStore}. */
export interface MemoryShareResultStoreOptions {
  /** Most results kept (default 10 000); past it the ones closest to expiry go first. */
  readonly maxEntries?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * An in-process {@link ShareResultStore}: results delivered by webhook wait here until the
 * next poll of their transaction takes them, or until they expire. One process only; behind
 * a load balancer use a shared store (Redis `SET txn <json> PX ttl`, `GETDEL txn`).
 *
 * @param options Capacity and clock.
 * @returns A store that forgets results when they expire or are taken.
 *
 * @example
 * ```ts
 * const results = memoryShareResultStore();
 * const provider = withShareTransactions(vneidPartner({ privateKey }), { results });
 * const webhook = shareWebhookHandler({ secret, results });
 * ```
 */
export function memoryShareResultStore(
  options: MemoryShareResultStoreOptions = {},
): ShareResultStore {
  const maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  const now = options.now ?? Date.now;
  const entries = new Map<string, { outcome: ShareOutcome; expiresAt: number }>();
  const prune = (at: number): void => {
    for (const [key, entry] of entries) if (entry.expiresAt <= at) entries.delete(key);
    if (entries.size < maxEntries) return;
    const byExpiry = [...entries].sort((a, b) => a[1].expiresAt - b[1].expiresAt);
    for (const [key] of byExpiry.slice(0, entries.size - maxEntries + 1)) entries.delete(key);
  };
  return {
    put(txnId, outcome, expiresAt) {
      const at = now();
      if (expiresAt > at) {
        if (!entries.has(txnId) && entries.size >= maxEntries) prune(at);
        entries.set(txnId, { outcome, expiresAt });
      }
      return Promise.resolve();
    },
    take(txnId) {
      const entry = entries.get(txnId);
      entries.delete(txnId);
      return Promise.resolve(
        entry !== undefined && entry.expiresAt > now() ? entry.outcome : undefined,
      );
    },
  };
}
