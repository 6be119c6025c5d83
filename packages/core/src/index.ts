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

// ── cross-device: signed webhooks (VNeID share transactions, DOMAIN.md dialect 6) ──
export {
  DEFAULT_WEBHOOK_HEADERS,
  memoryReplayCache,
  signWebhook,
  verifyWebhook,
} from './cross-device/webhook';
export type {
  MemoryReplayCacheOptions,
  ReplayCache,
  SignWebhookOptions,
  SignedWebhook,
  VerifyWebhookOptions,
  WebhookHeaderNames,
  WebhookSecret,
} from './cross-device/webhook';
