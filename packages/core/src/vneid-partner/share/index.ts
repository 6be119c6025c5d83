/** VNeID share transactions (DOMAIN.md dialect 6) on the cross-device abstraction. */
export { withShareTransactions } from './profile';
export type { ShareTransactionOptions } from './profile';
export { shareWebhookHandler } from './webhook';
export type { ShareWebhookOptions } from './webhook';
export { memoryShareResultStore } from './store';
export type { MemoryShareResultStoreOptions } from './store';
export { redisShareResultStore } from './redis-store';
export type { RedisShareResultStoreOptions } from './redis-store';
export type { ShareOutcome, ShareResultStore } from './schema';
export { SHARE_TRANSPORT } from './transport';
