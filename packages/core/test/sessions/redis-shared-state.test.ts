/**
 * The replay cache and the share-result store over a real redis-server, through node-redis
 * and ioredis: what several instances behind a load balancer share.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDinhDanhError, redisReplayCache, type RedisCommandClient } from '@dinhdanh/core';
import { redisShareResultStore, type ShareOutcome } from '@dinhdanh/core/vneid-partner';
import { redisUnavailableReason, startRedisServer, type RedisServer } from './redis-server';

const skipReason = redisUnavailableReason();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDinhDanhError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('Redis client checks', () => {
  it('refuses something that is not a Redis client (config_invalid)', () => {
    const notAClient = { get: () => Promise.resolve(null) } as unknown as RedisCommandClient;
    expect(() => redisReplayCache(notAClient)).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(() => redisShareResultStore(notAClient)).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });
});

describe.skipIf(skipReason !== undefined)('shared state on a real redis-server', () => {
  let server: RedisServer;
  let nodeRedis: ReturnType<typeof createClient>;
  let ioredis: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    nodeRedis = createClient({ url: server.url });
    await nodeRedis.connect();
    ioredis = new Redis(server.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
    await ioredis.connect();
  });

  afterAll(async () => {
    nodeRedis.destroy();
    ioredis.disconnect();
    await server.stop();
  });

  const clients = () =>
    [
      ['node-redis', nodeRedis],
      ['ioredis', ioredis],
    ] as const;

  it('records a key once across clients: the second add, from either client, is a replay', async () => {
    const [a, b] = [redisReplayCache(nodeRedis), redisReplayCache(ioredis)];
    const until = Date.now() + 60_000;
    expect(await a.add('jti-1', until)).toBe(true);
    expect(await b.add('jti-1', until)).toBe(false);
    expect(await a.add('jti-1', until)).toBe(false);
    expect(await b.add('jti-2', until)).toBe(true);
  });

  it('lets exactly one of many concurrent adds of one key pass (atomic)', async () => {
    for (const [, client] of clients()) {
      const cache = redisReplayCache(client);
      const key = `race-${Math.random()}`;
      const results = await Promise.all(
        Array.from({ length: 20 }, () => cache.add(key, Date.now() + 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('forgets a key when it expires', async () => {
    const cache = redisReplayCache(ioredis);
    expect(await cache.add('short', Date.now() + 150)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cache.add('short', Date.now() + 60_000)).toBe(true);
  });

  it("keeps a key as long as meant on the caller's clock, whatever Redis's clock says", async () => {
    // the app runs on a clock years ahead of the Redis server (a test clock, or a skewed host)
    const started = Date.now();
    const ahead = started + 4 * 365 * 24 * 3_600_000;
    const now = () => ahead + (Date.now() - started);
    const cache = redisReplayCache(ioredis, { now });
    const results = redisShareResultStore(nodeRedis, { keyPrefix: 'skew:', now });
    expect(await cache.add('skewed', now() + 150)).toBe(true);
    expect(await cache.add('skewed', now() + 150)).toBe(false);
    await results.put('txn-skew', { txnId: 'txn-skew', status: 'denied' }, now() + 150);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await cache.add('skewed', now() + 60_000)).toBe(true);
    expect(await results.take('txn-skew')).toBeUndefined();
    expect(await ioredis.pttl('skew:txn-skew')).toBe(-2);
  });

  it('hands a share result put by one client to exactly one take by the other', async () => {
    const outcome: ShareOutcome = { txnId: 'txn-1', status: 'approved', attributes: ['name'] };
    const onA = redisShareResultStore(nodeRedis);
    const onB = redisShareResultStore(ioredis);
    await onA.put('txn-1', outcome, Date.now() + 60_000);
    const taken = await Promise.all([onB.take('txn-1'), onB.take('txn-1'), onA.take('txn-1')]);
    expect(taken.filter((value) => value !== undefined)).toEqual([outcome]);
    expect(await onA.take('never')).toBeUndefined();
  });

  it('drops a share result that expired or that does not parse', async () => {
    const store = redisShareResultStore(ioredis, { keyPrefix: 't:' });
    await store.put('txn-2', { txnId: 'txn-2', status: 'denied' }, Date.now() + 100);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(await store.take('txn-2')).toBeUndefined();
    await ioredis.set('t:txn-3', '{"txnId":"txn-3","status":"hacked"}');
    expect(await store.take('txn-3')).toBeUndefined();
  });

  it('fails closed (store_unavailable) when Redis does not answer', async () => {
    const down = await startRedisServer();
    const client = new Redis(down.port, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    await client.connect();
    await down.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await codeOf(redisReplayCache(client).add('k', Date.now() + 1000))).toBe(
      'store_unavailable',
    );
    expect(await codeOf(redisShareResultStore(client).take('k'))).toBe('store_unavailable');
    client.disconnect();
  });
});
