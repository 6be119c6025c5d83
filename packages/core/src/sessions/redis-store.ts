/**
 * A {@link SessionStore} over any Redis client. We depend on no Redis library: the two
 * common clients differ only in how `SET` takes an expiry — node-redis v4/v5
 * `set(key, value, { EX })`, ioredis `set(key, value, 'EX', ttl)` — so we detect which.
 */
import { DinhDanhError } from '../errors';
import type { SessionStore } from './store';

/** The calls we make on a Redis client; node-redis and ioredis clients both fit. */
export interface RedisLikeClient {
  get(key: string): Promise<unknown>;
  set(key: string, value: string, ...args: never[]): Promise<unknown>;
  del(key: string): Promise<unknown>;
  /** node-redis `MGET`; used when present. */
  mGet?(keys: string[]): Promise<unknown>;
  /** ioredis `MGET`; used when present. */
  mget?(keys: string[]): Promise<unknown>;
}

/** Which `SET` expiry syntax the client speaks. */
export type RedisClientShape = 'node-redis' | 'ioredis';

/** Options for {@link redisStore}. */
export interface RedisStoreOptions {
  /** Prefix of every key we write. Default `dinhdanh:`. */
  keyPrefix?: string;
  /** The client's `SET` syntax, when detection cannot tell (wrappers, clusters). */
  shape?: RedisClientShape;
}

type SetWithOptions = (key: string, value: string, options: { EX: number }) => Promise<unknown>;
type SetWithArgs = (key: string, value: string, mode: 'EX', ttl: number) => Promise<unknown>;

function detectShape(client: object): RedisClientShape | undefined {
  const probe = client as { isOpen?: unknown; status?: unknown; options?: unknown };
  // node-redis clients expose `isOpen`; ioredis clients (and clusters) a string `status`.
  if (typeof probe.isOpen === 'boolean') return 'node-redis';
  if (typeof probe.status === 'string' && typeof probe.options === 'object') return 'ioredis';
  return undefined;
}

/** A stored value as a string: clients answer strings, or bytes in buffer modes. */
function valueOf(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  throw unavailable(new TypeError('GET returned neither a string nor bytes'));
}

/** The client's `MGET`, bound, or undefined when it has none. */
function multiGet(client: RedisLikeClient): ((keys: string[]) => Promise<unknown>) | undefined {
  if (typeof client.mGet === 'function') return client.mGet.bind(client);
  if (typeof client.mget === 'function') return client.mget.bind(client);
  return undefined;
}

// A cluster refuses a MGET whose keys live in different slots; such a store reads key by key.
const CROSS_SLOT = /CROSSSLOT/;

function unavailable(cause: unknown): DinhDanhError {
  return new DinhDanhError(
    'store_unavailable',
    'The session store did not answer. Check the Redis connection.',
    { cause },
  );
}

/**
 * A {@link SessionStore} over a connected Redis client: node-redis (`createClient()`,
 * v4/v5) or ioredis (`new Redis()`); the `SET` syntax is detected or given as `shape`.
 *
 * @param client - A connected client; we never connect or quit it.
 * @throws `config_invalid` when the client lacks get/set/del or its shape is unknown.
 * Store calls fail with `store_unavailable`.
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = redisStore(client);
 * ```
 */
export function redisStore(client: RedisLikeClient, options: RedisStoreOptions = {}): SessionStore {
  const candidate = client as unknown;
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof (candidate as Partial<RedisLikeClient>).get !== 'function' ||
    typeof (candidate as Partial<RedisLikeClient>).set !== 'function' ||
    typeof (candidate as Partial<RedisLikeClient>).del !== 'function'
  ) {
    throw new DinhDanhError(
      'config_invalid',
      'redisStore needs a Redis client with get, set and del.',
    );
  }
  const shape = options.shape ?? detectShape(candidate);
  if (shape === undefined) {
    throw new DinhDanhError(
      'config_invalid',
      "Cannot tell the Redis client's SET syntax: pass { shape: 'node-redis' } or { shape: 'ioredis' }.",
    );
  }
  const prefix = options.keyPrefix ?? 'dinhdanh:';
  const set = client.set.bind(client) as unknown;
  let mget = multiGet(client);

  const get = async (key: string): Promise<string | undefined> => {
    let value: unknown;
    try {
      value = await client.get(prefix + key);
    } catch (cause) {
      throw unavailable(cause);
    }
    return valueOf(value);
  };

  return {
    get,
    async getMany(keys) {
      if (mget === undefined) return Promise.all(keys.map(get));
      let values: unknown;
      try {
        values = await mget(keys.map((key) => prefix + key));
      } catch (cause) {
        if (!CROSS_SLOT.test(String((cause as { message?: unknown } | null)?.message))) {
          throw unavailable(cause);
        }
        mget = undefined;
        return Promise.all(keys.map(get));
      }
      if (!Array.isArray(values) || values.length !== keys.length) {
        throw unavailable(new TypeError('MGET did not return one value per key'));
      }
      return values.map(valueOf);
    },
    async set(key, value, ttlSeconds) {
      const ttl = Math.max(1, Math.ceil(ttlSeconds));
      try {
        if (shape === 'node-redis') await (set as SetWithOptions)(prefix + key, value, { EX: ttl });
        else await (set as SetWithArgs)(prefix + key, value, 'EX', ttl);
      } catch (cause) {
        throw unavailable(cause);
      }
    },
    async delete(key) {
      try {
        await client.del(prefix + key);
      } catch (cause) {
        throw unavailable(cause);
      }
    },
  };
}
