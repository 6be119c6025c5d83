import type { ReplayCache } from '../replay-cache';
import { commandRunner, replyText, ttlMs, type RedisCommandClient } from './command';

/** Options of {@link redisReplayCache}. */
export interface RedisReplayCacheOptions {
  /** Prefix of every key written. Default `dinhdanh:replay:`. */
  readonly keyPrefix?: string;
  /**
   * The clock the `expiresAt` values come from: give the relying party's `now` when it has
   * one. Default `Date.now`.
   */
  readonly now?: () => number;
}

/**
 * A {@link ReplayCache} shared by every server process through Redis: `add` is one atomic
 * `SET key 1 NX PX ttl` (the time left until `expiresAt`, so Redis's own clock does not
 * matter), so a logout token, webhook delivery or single-use mark
 * replayed to another instance (or twice at once) is refused. Needs Redis ≥ 6.2.
 *
 * @param client - A connected node-redis or ioredis client.
 * @param options - Key prefix, clock.
 * @returns The replay cache; its calls fail with `store_unavailable` when Redis does not answer.
 * @throws `config_invalid` when `client` is not a Redis client.
 * @example
 * ```ts
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const rp = createRelyingParty({ ...config, replayCache: redisReplayCache(redis) });
 * ```
 */
export function redisReplayCache(
  client: RedisCommandClient,
  options: RedisReplayCacheOptions = {},
): ReplayCache {
  const run = commandRunner(client, 'replay cache');
  const prefix = options.keyPrefix ?? 'dinhdanh:replay:';
  const now = options.now ?? Date.now;
  return {
    async add(key, expiresAt) {
      const reply = await run(['SET', prefix + key, '1', 'NX', 'PX', ttlMs(expiresAt, now)]);
      return replyText(reply) === 'OK';
    },
    async delete(key) {
      await run(['DEL', prefix + key]);
    },
  };
}
