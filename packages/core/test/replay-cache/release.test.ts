/**
 * A hold taken with `add` and released with `delete` (how a QR poll in flight holds its
 * transaction): after `delete` the key can be taken again, in memory and on a real
 * redis-server, and deleting a missing key is no error.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryReplayCache, redisReplayCache, type ReplayCache } from '@dinhdanh/core';
import {
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '../sessions/redis-server';

async function holdAndRelease(cache: ReplayCache): Promise<void> {
  const until = Date.now() + 60_000;
  expect(await cache.add('hold', until)).toBe(true);
  expect(await cache.add('hold', until)).toBe(false);
  await cache.delete?.('hold');
  expect(await cache.add('hold', until)).toBe(true);
  await cache.delete?.('never-added');
  expect(await cache.add('hold', until)).toBe(false);
}

describe('releasing a hold', () => {
  it('memory', async () => {
    await holdAndRelease(memoryReplayCache());
  });

  const skipReason = redisUnavailableReason();
  describe.skipIf(skipReason !== undefined)('Redis', () => {
    let server: RedisServer;
    let client: Redis;
    beforeAll(async () => {
      server = await startRedisServer();
      client = new Redis(server.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
    });
    afterAll(async () => {
      client.disconnect();
      await server.stop();
    });

    it('redis', async () => {
      await holdAndRelease(redisReplayCache(client));
      expect(await client.exists('dinhdanh:replay:hold')).toBe(1);
    });
  });
});
