/**
 * @packageDocumentation
 * `@dinhdanh/core` — accept Vietnamese national e-identity logins (VNeID, PostID, any
 * OpenID Connect national e-ID) on any JavaScript runtime: verified tokens, assurance
 * levels and typed, consented citizen attributes.
 */
export { DinhDanhError, ERROR_CODES, isDinhDanhError } from './errors';
export type { DinhDanhErrorCode, DinhDanhErrorOptions } from './errors';
export { redact } from './redact';

// ── claims: the identity model ──
export { ATTRIBUTES, ATTRIBUTE_NAMES, isSensitiveAttribute } from './claims/attributes';
export type { AttributeInfo, AttributeName } from './claims/attributes';
export {
  accountTypeSchema,
  addressSchema,
  assuranceLevelSchema,
  drivingLicenceSchema,
  guardianSchema,
  healthInsuranceSchema,
  identityAttributesSchema,
  identitySchema,
  organisationSchema,
  passportSchema,
  personNameSchema,
  vehicleRegistrationSchema,
} from './claims/identity';
export type {
  AccountType,
  Address,
  AssuranceLevel,
  DrivingLicence,
  Guardian,
  HealthInsurance,
  Identity,
  IdentityAttributes,
  Organisation,
  Passport,
  PersonName,
  VehicleRegistration,
} from './claims/identity';
export { LEGACY_PROVINCES, PROVINCES_2025 } from './claims/provinces.data';
export { describePid, isValidPid, normalizePid, pidMatches } from './claims/pid';
export type { PidInfo, PidProvince } from './claims/pid';
export { isValidLegacyId, normalizeLegacyId } from './claims/legacy-id';
export { normalizeName, splitVietnameseName, toPersonName } from './claims/name';
export type { VietnameseNameParts } from './claims/name';
export { normalizeDate, parseDate } from './claims/dates';
export { normalizeGender } from './claims/gender';
export { isCountryCode, normalizeNationality } from './claims/nationality';
export { isE164Phone, normalizePhone } from './claims/phone';
export { normalizeEmail } from './claims/email';
export { parseAddress } from './claims/address';
export { isValidTaxCode, normalizeTaxCode } from './claims/tax-code';
export {
  LICENCE_CLASSES,
  isLicenceClass,
  isValidHealthInsuranceNumber,
  isValidVehiclePlate,
  normalizeDocumentNumber,
  normalizeDrivingLicenceNumber,
  normalizeHealthInsuranceNumber,
  normalizeLicenceClasses,
  normalizeSocialInsuranceNumber,
  normalizeVehiclePlate,
} from './claims/documents';
export { normalizeEnterpriseCode } from './claims/organisation';
export { normalizePortrait } from './claims/records';
export { DIALECTS, normalizeIdentity } from './claims/normalize';
export type { ClaimSources, Dialect, NormalizeContext } from './claims/normalize';
export { parseCccdQr } from './claims/cccd-qr';
export type { CccdQrData } from './claims/cccd-qr';

// ── back-channel logout without a relying party ──
export { createLogoutTokenVerifier } from './logout/verifier';
export type { LogoutTokenVerifier, LogoutTokenVerifierConfig } from './logout/verifier';

// ── replay protection (logout tokens, webhooks) ──
export { memoryReplayCache } from './replay-cache';
export type { MemoryReplayCacheOptions, ReplayCache } from './replay-cache';
export { redisReplayCache } from './redis/replay-cache';
export type { RedisReplayCacheOptions } from './redis/replay-cache';
export type { RedisCommandClient } from './redis/command';

// ── cross-device: signed webhooks (VNeID share transactions, DOMAIN.md dialect 6) ──
export { DEFAULT_WEBHOOK_HEADERS, signWebhook, verifyWebhook } from './cross-device/webhook';
export type {
  SignWebhookOptions,
  SignedWebhook,
  VerifyWebhookOptions,
  WebhookHeaderNames,
  WebhookSecret,
} from './cross-device/webhook';

// ── sessions and handlers ──
export { sealSession, unsealSession } from './seal/session';
export type { SealSessionOptions } from './seal/session';
export { sealTransaction, unsealTransaction } from './seal/transaction';
export type { SealTransactionOptions } from './seal/transaction';
export type { UnsealOptions } from './seal/seal';
export type { SealSecret, SealSecrets } from './seal/secrets';
export { sessionSchema, sessionTokensSchema } from './sessions/session';
export { loginTransactionSchema, qrLoginHandleSchema } from './rp/wire';
export type { Session, SessionTokens } from './sessions/session';
export type { SessionStore } from './sessions/store';
export { memoryStore } from './sessions/memory-store';
export type { MemoryStoreOptions } from './sessions/memory-store';
export { redisStore } from './sessions/redis-store';
export type { RedisClientShape, RedisLikeClient, RedisStoreOptions } from './sessions/redis-store';
export { createAuthHandlers } from './handlers/create-auth-handlers';
export type { AuthHandler, AuthHandlers } from './handlers/create-auth-handlers';
export type {
  AuthHandlersOptions,
  AuthSessionOptions,
  OnLogin,
  OnLoginOutcome,
} from './handlers/options';
export type { NamedLoginRequest, NamedLoginRequests } from './handlers/requests';
export type { MeResponse } from './handlers/me';
export type { QrPollResponse, QrStartResponse } from './handlers/qr';
export type { SessionStorage } from './sessions/session';
export { errorResponse } from './handlers/responses';
export type { ErrorPageLinks } from './handlers/error-page';

// ── the relying party ──
export { createRelyingParty } from './rp/create';
export { createConsentReceipt, CONSENT_RECEIPT_TYPE } from './consent/receipt';
export type {
  ConsentController,
  ConsentReceiptInput,
  ConsentReceiptOptions,
} from './consent/receipt';
export { verifyConsentReceipt, withdrawConsent } from './consent/verify';
export type {
  ConsentWithdrawal,
  VerifyConsentReceiptOptions,
  WithdrawConsentOptions,
} from './consent/verify';
export { consentReceiptSchema } from './consent/schema';
export type { ConsentReceipt } from './consent/schema';
export type { RelyingPartyConfig } from './rp/create';
export type {
  ConsentRecord,
  LoginResult,
  LoginStart,
  LoginTransaction,
  LogoutTokenResult,
  LogoutUrlOptions,
  Prompt,
  QrLoginHandle,
  QrLoginStart,
  QrLoginStatus,
  RelyingParty,
  SessionFacts,
  StartLoginOptions,
  StartQrLoginOptions,
  StepUpOptions,
  TokenSet,
  VerifiedAccessToken,
  VerifiedIdToken,
  VerifyAccessTokenOptions,
  VerifyIdTokenOptions,
} from './rp/types';
export { privateJwkSchema, relyingPartyOptionsSchema } from './config/schema';
export type { PrivateJwk, RelyingPartyOptionsInput } from './config/schema';
export type { FetchLike, Sleep } from './http/fetch';
export { acrValuesFor, compareLevels, LEVELS, levelFromAcr, meetsLevel } from './levels';
export { dvcqg } from './providers/dvcqg';
export { oidc } from './providers/oidc';
export { postid } from './providers/postid';
export { vneid } from './providers/vneid';
export type {
  ProviderProfile,
  ProviderProfileOverrides,
  UserinfoPolicy,
} from './providers/profile';
// ── protocol plug-ins of non-standard providers (vneidPartner() is in the subpath) ──
export type {
  CrossDeviceContext,
  CrossDeviceRequest,
  CrossDeviceStart,
  CrossDeviceTransport,
  DecodedCallback,
  ProtocolPlugins,
  StaticEndpoints,
} from './providers/profile';
