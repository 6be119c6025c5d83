/**
 * Redis misbehaving under bounded concurrent traffic, sessions and replay marks in Redis:
 * killed and restarted (its data on disk), read-only (`min-replicas-to-write`), full
 * (`maxmemory` with `noeviction`). Every answer is a success or a clean error status, the
 * app recovers on its own, and no session is lost, revived after logout, or mixed.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisReplayCache, redisStore, type RedisLikeClient } from '@dinhdanh/core';
import { redisUnavailableReason } from '../../../core/test/sessions/redis-server';
import { startRig, type Rig } from './rig';
import { startDurableRedis, type DurableRedis } from './redis-server';
import { Ledger, recovered, traffic, users } from './users';

const skipReason = redisUnavailableReason();

type Client = RedisLikeClient & Parameters<typeof redisReplayCache>[0];

let rig: Rig | undefined;
let redis: DurableRedis | undefined;
let client: Redis | undefined;
afterEach(async () => {
  await rig?.close();
  client?.disconnect();
  await redis?.close();
  rig = undefined;
  redis = undefined;
  client = undefined;
});

/** The app's Redis client: ioredis failing fast while Redis is away, reconnecting on its own. */
const FAIL_FAST: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: () => 50,
};

async function underRedisFault(
  arm: (redis: DurableRedis) => Promise<unknown>,
  clear: (redis: DurableRedis) => Promise<unknown>,
  options: RedisOptions = FAIL_FAST,
): Promise<Ledger> {
  redis = await startDurableRedis();
  client = new Redis(redis.port, '127.0.0.1', options);
  client.on('error', () => undefined);
  await client.connect();
  const shared = client as unknown as Client;
  rig = await startRig({
    storage: 'store',
    store: redisStore(shared),
    rp: { replayCache: redisReplayCache(shared) },
  });
  const ledger = new Ledger();
  const all = users(rig.app, ledger);
  await traffic(all, 400);
  await arm(redis);
  await Promise.all(all.filter((_, i) => i % 2 === 0).map((user) => user.logout()));
  // New browsers arrive during the fault: their logins meet it.
  const newcomers = users(rig.app, ledger, 6);
  await Promise.all([traffic(all, 1_000), ...newcomers.map((user) => user.login())]);
  await clear(redis);
  const recoveryMs = await recovered([...all, ...newcomers]);
  await traffic(all, 300);
  for (const user of all) await user.checkEnded();
  if (process.env.FAULTS_REPORT === '1') {
    console.info(expect.getState().currentTestName, recoveryMs, 'ms', ledger.summary());
  }
  expect(ledger.violations, JSON.stringify(ledger.summary())).toEqual([]);
  return ledger;
}

describe.skipIf(skipReason !== undefined)('Redis faults under load (store sessions)', () => {
  it('killed and restarted: 503 while away, sessions back when it returns', async () => {
    const ledger = await underRedisFault(
      (r) => r.kill(),
      (r) => r.start(),
    );
    expect(ledger.statuses.get('whoami 503') ?? 0).toBeGreaterThan(0);
  });

  it('killed and restarted, with ioredis defaults (offline queue): answers stay bounded', async () => {
    const ledger = await underRedisFault(
      (r) => r.kill(),
      (r) => r.start(),
      { lazyConnect: true },
    );
    expect(ledger.reads).toBeGreaterThan(0);
  });

  it('read-only (min-replicas-to-write): sessions still read, writes refused cleanly', async () => {
    const ledger = await underRedisFault(
      (r) => r.admin('CONFIG', 'SET', 'min-replicas-to-write', '1'),
      (r) => r.admin('CONFIG', 'SET', 'min-replicas-to-write', '0'),
    );
    expect(ledger.statuses.get('callback 503') ?? 0).toBeGreaterThan(0);
    // A logout that cannot delete its session says so (503) and the session stays whole.
    expect(ledger.statuses.get('logout 503') ?? 0).toBeGreaterThan(0);
  });

  it('full (maxmemory, noeviction): sessions still read, new ones refused cleanly', async () => {
    const ledger = await underRedisFault(
      async (r) => {
        await r.admin('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
        await r.admin('CONFIG', 'SET', 'maxmemory', '1');
      },
      (r) => r.admin('CONFIG', 'SET', 'maxmemory', '0'),
    );
    expect(ledger.statuses.get('callback 503') ?? 0).toBeGreaterThan(0);
  });
});
