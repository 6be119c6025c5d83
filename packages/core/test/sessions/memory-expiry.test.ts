import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryReplayCache, memoryStore } from '@dinhdanh/core';

afterEach(() => {
  vi.restoreAllMocks();
});

/** The Map a store wrote `key` into during `write` (its entries, seen from outside). */
async function mapWriting(
  key: string,
  write: () => Promise<unknown>,
): Promise<Map<unknown, unknown>> {
  const set = vi.spyOn(Map.prototype, 'set');
  await write();
  const at = set.mock.calls.findIndex(([written]) => written === key);
  const map = set.mock.contexts[at] as Map<unknown, unknown>;
  set.mockRestore();
  expect(map).toBeInstanceOf(Map);
  return map;
}

// Per-login entries (single-use marks, logout marks) are written once and rarely read again:
// the stores must drop them once expired as writes go on, not keep every one until
// `maxEntries` (100 000 by default) is reached.
describe('in-memory stores drop expired entries as writes go on', () => {
  it('memoryStore holds about its live entries, not every entry ever written', async () => {
    let clock = 1_700_000_000_000;
    const store = memoryStore({ now: () => clock });
    const entries = await mapWriting('login-0', () => store.set('login-0', 'v', 60));
    for (let i = 1; i < 5_000; i += 1) {
      await store.set(`login-${i}`, 'v', 60);
      clock += 100; // ten logins a second, each kept 60 s: about 600 live at a time
    }
    expect(entries.size).toBeLessThanOrEqual(2 * 600 + 64);
    expect(await store.get('login-4999')).toBe('v');
    expect(await store.get('login-0')).toBeUndefined();
  });

  it('memoryReplayCache holds about its live entries, and still refuses a live replay', async () => {
    let clock = 1_700_000_000_000;
    const cache = memoryReplayCache({ now: () => clock });
    const entries = await mapWriting('jti-0', () => cache.add('jti-0', clock + 60_000));
    for (let i = 1; i < 5_000; i += 1) {
      expect(await cache.add(`jti-${i}`, clock + 60_000)).toBe(true);
      clock += 100;
    }
    expect(entries.size).toBeLessThanOrEqual(2 * 600 + 64);
    expect(await cache.add('jti-4999', clock + 60_000)).toBe(false);
    expect(await cache.add('jti-0', clock + 60_000)).toBe(true);
  });

  it('a small store sweeps too, and a full store of live entries still fails closed', async () => {
    let clock = 1_700_000_000_000;
    const store = memoryStore({ now: () => clock, maxEntries: 10 });
    const entries = await mapWriting('a-0', () => store.set('a-0', 'v', 1));
    for (let i = 1; i < 500; i += 1) {
      await store.set(`a-${i % 5}`, 'v', 1);
      await store.set(`b-${i}`, 'v', 1);
      clock += 2_000;
    }
    expect(entries.size).toBeLessThanOrEqual(10);
    for (let i = 0; i < 10; i += 1) await store.set(`live-${i}`, 'v', 60).catch(() => undefined);
    await expect(store.set('one-more', 'v', 60)).rejects.toMatchObject({
      code: 'store_unavailable',
    });
  });
});
