import { commandRunner, replyText, ttlMs, type RedisCommandClient } from '../../redis/command';
import { shareOutcomeSchema, type ShareResultStore } from './schema';

/** Options of {@link redisShareResultStore}. */
export interface RedisShareResultStoreOptions {
  /** Prefix of every key written. Default `dinhdanh:share:`. */
  readonly keyPrefix?: string;
  /** The clock the `expiresAt` values come from. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * A {@link ShareResultStore} shared by every server process through Redis, so a webhook
 * received by one instance completes the poll made on another: `put` is
 * `SET txn <json> PX ttl` (the time left until `expiresAt`), `take` is `GETDEL txn` (atomic: one poll takes a result).
 * Needs Redis ≥ 6.2.
 *
 * @param client - A connected node-redis or ioredis client.
 * @param options - Key prefix, clock.
 * @returns The store; its calls fail with `store_unavailable` when Redis does not answer.
 * @throws `config_invalid` when `client` is not a Redis client.
 * @example
 * ```ts
 * const results = redisShareResultStore(redis);
 * const provider = withShareTransactions(vneidPartner({ privateKey }), { results });
 * const webhook = shareWebhookHandler({ secret, results });
 * ```
 */
export function redisShareResultStore(
  client: RedisCommandClient,
  options: RedisShareResultStoreOptions = {},
): ShareResultStore {
  const run = commandRunner(client, 'share result store');
  const prefix = options.keyPrefix ?? 'dinhdanh:share:';
  const now = options.now ?? Date.now;
  return {
    async put(txnId, outcome, expiresAt) {
      await run(['SET', prefix + txnId, JSON.stringify(outcome), 'PX', ttlMs(expiresAt, now)]);
    },
    async take(txnId) {
      const text = replyText(await run(['GETDEL', prefix + txnId]));
      if (text === undefined) return undefined;
      try {
        // What comes back from a shared store is input like any other: checked again.
        const parsed = shareOutcomeSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
