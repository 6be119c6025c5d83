export { verifyWebhook } from './verify';
export type { VerifyWebhookOptions } from './verify';
export { signWebhook } from './sign';
export type { SignWebhookOptions, SignedWebhook } from './sign';
export { memoryReplayCache } from './replay-cache';
export type { MemoryReplayCacheOptions, ReplayCache } from './replay-cache';
export { DEFAULT_WEBHOOK_HEADERS } from './scheme';
export type { WebhookHeaderNames, WebhookSecret } from './scheme';
