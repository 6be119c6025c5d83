/** The capacity rule of the in-memory stores whose entries must not be forgotten early. */
import { DinhDanhError } from './errors';

/**
 * Makes room for one new key in a bounded in-memory map: drops expired entries when it is
 * full, and fails closed when it is still full of live ones (a logout mark or a replay
 * entry forgotten early would let an ended session or a replay through).
 *
 * @returns `undefined` when there is room, else the `store_unavailable` error to fail with.
 */
export function makeRoom<V>(
  entries: Map<string, V>,
  expiresAt: (entry: V) => number,
  maxEntries: number,
  at: number,
  what: string,
): DinhDanhError | undefined {
  if (entries.size < maxEntries) return undefined;
  for (const [key, entry] of entries) if (expiresAt(entry) <= at) entries.delete(key);
  if (entries.size < maxEntries) return undefined;
  return new DinhDanhError(
    'store_unavailable',
    `The in-memory ${what} is full (${maxEntries} live entries); raise maxEntries or use a shared store (Redis).`,
  );
}
