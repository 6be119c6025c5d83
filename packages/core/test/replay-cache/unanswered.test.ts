/**
 * A Redis client that never answers (a server gone behind an offline queue) does not hold
 * the request: the replay cache fails with `store_unavailable` after its bound.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isDinhDanhError, redisReplayCache, type RedisCommandClient } from '@dinhdanh/core';

afterEach(() => {
  vi.useRealTimers();
});

describe('an unanswered Redis command', () => {
  it('fails with store_unavailable after 2 s instead of waiting for ever', async () => {
    vi.useFakeTimers();
    const silent = { call: () => new Promise<never>(() => undefined) } as RedisCommandClient;
    const outcome = redisReplayCache(silent)
      .add('k', Date.now() + 60_000)
      .then(
        () => 'answered',
        (error: unknown) =>
          isDinhDanhError(error, 'store_unavailable') ? 'store_unavailable' : error,
      );
    await vi.advanceTimersByTimeAsync(1_999);
    const early = await Promise.race([outcome, Promise.resolve('waiting')]);
    expect(early).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe('store_unavailable');
  });
});
