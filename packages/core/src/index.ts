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
