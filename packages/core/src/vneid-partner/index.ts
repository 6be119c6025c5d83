/**
 * @packageDocumentation
 * `@dinhdanh/core/vneid-partner` — the legacy crypto of the VNeID partner protocol
 * (DOMAIN.md dialect 5): RSA + AES response envelopes and encrypted authorization codes;
 * the partner login profile; share transactions (dialect 6) on the cross-device abstraction.
 * A separate entry point so that applications that do not need it never load node-forge
 * or probe `node:crypto`.
 */
export { openEnvelope, sealEnvelope } from './envelope';
export type { Envelope, OpenEnvelopeOptions, SealEnvelopeOptions } from './envelope';
export { decryptCode, encryptCode } from './code';
export type { DecryptCodeOptions, EncryptCodeOptions, EncryptedCode } from './code';
export { importPartnerPrivateKey, importPartnerPublicKey } from './keys';
export type {
  PartnerJwk,
  PartnerPrivateKey,
  PartnerPrivateKeyInput,
  PartnerPublicKey,
  PartnerPublicKeyInput,
} from './keys';
export { partnerCryptoBackend } from './backend/detect';
export type {
  AesMode,
  PartnerCryptoBackendChoice,
  PartnerCryptoBackendInfo,
} from './backend/types';
export { ENVELOPE_INVALID_MESSAGE } from './failure';
// ── the partner login profile ──
export { vneidPartner } from './profile';
export type { EnvelopeSetting, VneidPartnerOptions } from './profile';
// ── share: VNeID share transactions on the cross-device abstraction ──
export {
  memoryShareResultStore,
  redisShareResultStore,
  SHARE_TRANSPORT,
  shareWebhookHandler,
  withShareTransactions,
} from './share';
export type {
  MemoryShareResultStoreOptions,
  RedisShareResultStoreOptions,
  ShareOutcome,
  ShareResultStore,
  ShareTransactionOptions,
  ShareWebhookOptions,
} from './share';
