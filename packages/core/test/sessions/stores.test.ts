import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isDinhDanhError,
  memoryStore,
  redisStore,
  type RedisLikeClient,
  type SessionStore,
} from '@dinhdanh/core';
import { redisUnavailableReason, startRedisServer, type RedisServer } from './redis-server';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDinhDanhError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}

/** The behaviour every store shares; `expire` makes the entries written so far lapse. */
function storeContract(make: () => SessionStore, expire: (ttl: number) => Promise<void>) {
  it('gets what was set, undefined for a missing key, and deletes', async () => {
    const store = make();
    expect(await store.get('missing')).toBeUndefined();
    await store.set('k1', '{"a":1}', 60);
    expect(await store.get('k1')).toBe('{"a":1}');
    await store.set('k1', 'Nguyễn', 60);
    expect(await store.get('k1')).toBe('Nguyễn');
    await store.delete('k1');
    expect(await store.get('k1')).toBeUndefined();
    await expect(store.delete('never-set')).resolves.toBeUndefined();
  });

  it('getMany answers the values in order, undefined where there is none', async () => {
    const store = make();
    await store.set('m1', 'one', 60);
    await store.set('m3', 'Nguyễn', 60);
    expect(await store.getMany!(['m1', 'm2', 'm3', 'm1'])).toEqual([
      'one',
      undefined,
      'Nguyễn',
      'one',
    ]);
    await store.delete('m1');
    expect(await store.getMany!(['m1', 'm3'])).toEqual([undefined, 'Nguyễn']);
  });

  it('forgets a value after its time to live', async () => {
    const store = make();
    await store.set('short', 'v', 1);
    await store.set('long', 'v', 3600);
    await expire(1);
    expect(await store.get('short')).toBeUndefined();
    expect(await store.get('long')).toBe('v');
    expect(await store.getMany!(['short', 'long'])).toEqual([undefined, 'v']);
  });
}

describe('memoryStore', () => {
  let time = Date.UTC(2026, 0, 1);
  storeContract(
    () => memoryStore({ now: () => time }),
    (ttl) => {
      time += ttl * 1000;
      return Promise.resolve();
    },
  );

  it('full of live entries, refuses a new key (store_unavailable) instead of dropping one', async () => {
    let time = 0;
    const store = memoryStore({ maxEntries: 2, now: () => time });
    await store.set('a', '1', 60);
    await store.set('b', '2', 120);
    await expect(store.set('c', '3', 60)).rejects.toMatchObject({ code: 'store_unavailable' });
    expect(await store.get('a')).toBe('1'); // a logout mark is never forgotten early
    await store.set('a', 'again', 60); // an existing key can still be rewritten
    time = 61_000; // 'a' has expired: room for a new key
    await store.set('c', '3', 60);
    expect(await store.get('b')).toBe('2');
    expect(await store.get('c')).toBe('3');
  });
});

describe('redisStore configuration', () => {
  it('refuses a client without get/set/del with config_invalid', () => {
    expect(() => redisStore({} as unknown as RedisLikeClient)).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });

  it('refuses a client whose SET syntax it cannot tell, unless told', () => {
    const client = {
      get: () => Promise.resolve(null),
      set: () => Promise.resolve('OK'),
      del: () => Promise.resolve(1),
    };
    expect(() => redisStore(client)).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    expect(() => redisStore(client, { shape: 'ioredis' })).not.toThrow();
  });

  it('reports a failing client as store_unavailable', async () => {
    const broken = {
      get: () => Promise.reject(new Error('ECONNREFUSED')),
      set: () => Promise.reject(new Error('ECONNREFUSED')),
      del: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const store = redisStore(broken, { shape: 'node-redis' });
    expect(await codeOf(store.get('k'))).toBe('store_unavailable');
    expect(await codeOf(store.set('k', 'v', 1))).toBe('store_unavailable');
    expect(await codeOf(store.delete('k'))).toBe('store_unavailable');
    expect(await codeOf(store.getMany!(['k']))).toBe('store_unavailable');
  });

  it('reads key by key when the client has no MGET, or a cluster refuses one across slots', async () => {
    const values: Record<string, string> = { 'dinhdanh:a': '1', 'dinhdanh:c': '3' };
    const gets: string[] = [];
    const base = {
      get: (key: string) => (gets.push(key), Promise.resolve(values[key] ?? null)),
      set: () => Promise.resolve('OK'),
      del: () => Promise.resolve(1),
    };
    expect(await redisStore(base, { shape: 'ioredis' }).getMany!(['a', 'b', 'c'])).toEqual([
      '1',
      undefined,
      '3',
    ]);
    let mgets = 0;
    const cluster = {
      ...base,
      mget: () => {
        mgets += 1;
        return Promise.reject(new Error("CROSSSLOT Keys in request don't hash to the same slot"));
      },
    };
    const store = redisStore(cluster, { shape: 'ioredis' });
    gets.length = 0;
    expect(await store.getMany!(['a', 'b'])).toEqual(['1', undefined]);
    expect(await store.getMany!(['c'])).toEqual(['3']);
    expect(mgets).toBe(1); // refused once, then not asked again
    expect(gets).toEqual(['dinhdanh:a', 'dinhdanh:b', 'dinhdanh:c']);
    // Any other MGET failure is the store failing, not a reason to read another way.
    const down = { ...base, mGet: () => Promise.reject(new Error('ECONNRESET')) };
    expect(await codeOf(redisStore(down, { shape: 'node-redis' }).getMany!(['a']))).toBe(
      'store_unavailable',
    );
  });
});

const skipReason = redisUnavailableReason();

describe.skipIf(skipReason !== undefined)('redisStore against a real redis-server', () => {
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
    if (nodeRedis?.isOpen) await nodeRedis.quit();
    if (ioredis !== undefined) await ioredis.quit();
    if (server !== undefined) await server.stop();
  });

  // Redis expiry is real time: rather than sleep, move the expiry of every key that was
  // written with a short time to live (and only those) into the past — the past of the
  // server's clock (TIME), not of this process's, which may differ from it.
  const expireAll = async (ttl: number) => {
    const [seconds] = await nodeRedis.sendCommand<[string, string]>(['TIME']);
    const past = Number(seconds) * 1000 - 1000;
    const keys = await nodeRedis.keys('dinhdanh-test:*');
    for (const key of keys) {
      const left = await nodeRedis.ttl(key);
      if (left >= 0 && left <= ttl) await nodeRedis.pExpireAt(key, past);
    }
  };

  describe('node-redis v5 client', () => {
    storeContract(() => redisStore(nodeRedis, { keyPrefix: 'dinhdanh-test:nr:' }), expireAll);

    it('writes with the expiry given, under the key prefix', async () => {
      await redisStore(nodeRedis, { keyPrefix: 'dinhdanh-test:nr:' }).set('ttl', 'v', 120);
      const ttl = await nodeRedis.ttl('dinhdanh-test:nr:ttl');
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    });
  });

  describe('ioredis client', () => {
    storeContract(() => redisStore(ioredis, { keyPrefix: 'dinhdanh-test:io:' }), expireAll);

    it('writes with the expiry given, under the key prefix', async () => {
      await redisStore(ioredis, { keyPrefix: 'dinhdanh-test:io:' }).set('ttl', 'v', 120);
      const ttl = await ioredis.ttl('dinhdanh-test:io:ttl');
      expect(ttl).toBeGreaterThan(100);
      expect(ttl).toBeLessThanOrEqual(120);
    });

    it('sees what node-redis wrote (same server, same format)', async () => {
      await redisStore(nodeRedis, { keyPrefix: 'dinhdanh-test:x:' }).set('shared', 'v1', 60);
      expect(await redisStore(ioredis, { keyPrefix: 'dinhdanh-test:x:' }).get('shared')).toBe('v1');
    });
  });
});
