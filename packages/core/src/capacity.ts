/** The capacity rule of the in-memory stores whose entries must not be forgotten early. */
import { DinhDanhError } from './errors';

/** Fewest writes between two sweeps of a small map. */
const MIN_SWEEP_WRITES = 64;

/**
 * Keeps a bounded in-memory map of expiring entries in check. Call the returned function
 * before writing a key (with the time of the write): it answers the `store_unavailable`
 * error to fail with when the map is full of unexpired entries (a logout mark or a replay
 * entry forgotten early would let an ended session or a replay through), else `undefined`.
 *
 * It also drops the expired entries after as many writes as the last sweep left entries
 * (at least 64), so entries nobody reads again (a login's single-use mark, a logout mark)
 * do not stay until the map is full: the map holds at most about twice its live entries
 * plus 64, at an amortised constant cost per write.
 */
export function capacityKeeper<V>(
  entries: Map<string, V>,
  expiresAt: (entry: V) => number,
  maxEntries: number,
  what: string,
): (key: string, at: number) => DinhDanhError | undefined {
  // Writes until the next sweep: as many as the entries the last sweep left (at least 64).
  let writesLeft = MIN_SWEEP_WRITES;
  const sweep = (at: number) => {
    for (const [key, entry] of entries) if (expiresAt(entry) <= at) entries.delete(key);
    writesLeft = Math.max(MIN_SWEEP_WRITES, entries.size);
  };
  return (key, at) => {
    writesLeft -= 1;
    if (writesLeft <= 0) sweep(at);
    if (entries.has(key) || entries.size < maxEntries) return undefined;
    sweep(at);
    if (entries.size < maxEntries) return undefined;
    return new DinhDanhError(
      'store_unavailable',
      `The in-memory ${what} is full (${maxEntries} live entries); raise maxEntries or use a shared store (Redis).`,
    );
  };
}
