/**
 * The normalised e-identity: one typed shape whatever dialect the provider spoke.
 *
 * CONTRACT NOTE (workspace issue): the field names and output types here are shared by
 * the engine, the mock identity provider's personas and the adapters. The primitives are
 * checked with the validators of `claims/*.ts`; the schemas accept only canonical values
 * (what the normalisers return), they do not normalise.
 */
import { z } from 'zod';
import { isLicenceClass, isValidHealthInsuranceNumber, isValidVehiclePlate } from './documents';
import { isCountryCode } from './nationality';
import { isE164Phone } from './phone';
import { isValidPid, pidMatches } from './pid';
import { isValidTaxCode } from './tax-code';

const isoDate = z.iso.date();
const pid = z.string().refine(isValidPid, 'Expected a 12-digit personal ID number');
const countryCode = z.string().refine(isCountryCode, 'Expected an ISO 3166-1 alpha-2 code');
const taxCode = z.string().refine(isValidTaxCode, 'Expected a tax code');

/** Assurance level: 0 = none (organisation accounts, unknown `acr`), 1 and 2 per Decree 69/2024. */
export const assuranceLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2)]);
/** Assurance level: 0 = none (organisation accounts, unknown `acr`), 1 and 2 per Decree 69/2024. */
export type AssuranceLevel = z.infer<typeof assuranceLevelSchema>;

/** Kind of account behind the identity. */
export const accountTypeSchema = z.enum(['citizen', 'foreigner', 'organisation']);
/** Kind of account behind the identity. */
export type AccountType = z.infer<typeof accountTypeSchema>;

/**
 * An address. `shape: '2025'` is the two-level shape after the July 2025 merger
 * (province → ward/commune); `shape: 'legacy'` keeps province → district → ward.
 */
export const addressSchema = z.object({
  shape: z.enum(['2025', 'legacy']),
  formatted: z.string().min(1),
  street: z.string().min(1).optional(),
  ward: z.string().min(1).optional(),
  district: z.string().min(1).optional(),
  province: z.string().min(1).optional(),
  country: countryCode.optional(),
});
/** An address, in the 2025 two-level shape or the legacy three-level shape. */
export type Address = z.infer<typeof addressSchema>;

/** A person's name in Vietnamese order: family, middle, given; Unicode NFC. */
export const personNameSchema = z.object({
  full: z.string().min(1),
  family: z.string().min(1).optional(),
  middle: z.string().min(1).optional(),
  given: z.string().min(1).optional(),
});
/** A person's name in Vietnamese order: family, middle, given; Unicode NFC. */
export type PersonName = z.infer<typeof personNameSchema>;

/** Passport of a foreigner (level 2 foreigners enrol with it). */
export const passportSchema = z.object({
  number: z.string().min(1),
  type: z.string().min(1).optional(),
  country: countryCode.optional(),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
});
/** Passport of a foreigner. */
export type Passport = z.infer<typeof passportSchema>;

/** Driving licence integrated in the e-identity (level 2). */
export const drivingLicenceSchema = z.object({
  number: z.string().regex(/^\d{12}$/),
  classes: z.array(z.string().refine(isLicenceClass, 'Expected a driving licence class')).min(1),
  issuedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
});
/** Driving licence integrated in the e-identity (level 2). */
export type DrivingLicence = z.infer<typeof drivingLicenceSchema>;

/** Vehicle registration integrated in the e-identity (level 2). */
export const vehicleRegistrationSchema = z.object({
  plate: z.string().refine(isValidVehiclePlate, 'Expected a plate such as 30A-123.45'),
  kind: z.string().min(1).optional(),
  brand: z.string().min(1).optional(),
  registeredOn: isoDate.optional(),
});
/** Vehicle registration integrated in the e-identity (level 2). */
export type VehicleRegistration = z.infer<typeof vehicleRegistrationSchema>;

/** Health insurance card (BHYT) integrated in the e-identity (level 2). */
export const healthInsuranceSchema = z.object({
  number: z
    .string()
    .refine(isValidHealthInsuranceNumber, 'Expected a health insurance card number'),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  hospital: z.string().min(1).optional(),
});
/** Health insurance card (BHYT). */
export type HealthInsurance = z.infer<typeof healthInsuranceSchema>;

/** An organisation account (no assurance level), registered by its legal representative. */
export const organisationSchema = z.object({
  name: z.string().min(1),
  englishName: z.string().min(1).optional(),
  taxCode: taxCode.optional(),
  enterpriseCode: z
    .string()
    .regex(/^\d{10}(-\d{3})?$/)
    .optional(),
  foundedOn: isoDate.optional(),
  headOffice: addressSchema.optional(),
  representative: z
    .object({
      name: z.string().min(1),
      pid: pid.optional(),
    })
    .optional(),
});
/** An organisation account. */
export type Organisation = z.infer<typeof organisationSchema>;

/** For a child under 14: the guardian whose level-2 account registered the child's. */
export const guardianSchema = z.object({
  pid: pid.optional(),
  name: z.string().min(1).optional(),
  relationship: z.string().min(1).optional(),
  subject: z.string().min(1).optional(),
});
/** The guardian of a minor's account. */
export type Guardian = z.infer<typeof guardianSchema>;

/** The attributes of an e-identity; each is present only when released and consented. */
export const identityAttributesSchema = z.object({
  pid: pid.optional(),
  legacyId: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  name: personNameSchema.optional(),
  birthdate: isoDate.optional(),
  gender: z.enum(['male', 'female']).optional(),
  nationality: countryCode.optional(),
  ethnicity: z.string().min(1).optional(),
  hometown: z.string().min(1).optional(),
  phone: z.string().refine(isE164Phone, 'Expected an E.164 phone number').optional(),
  phoneVerified: z.boolean().optional(),
  email: z.email().optional(),
  emailVerified: z.boolean().optional(),
  address: z
    .object({ permanent: addressSchema.optional(), current: addressSchema.optional() })
    .optional(),
  portrait: z.string().min(1).optional(),
  passport: passportSchema.optional(),
  foreignerId: z.string().min(1).optional(),
  taxCode: taxCode.optional(),
  socialInsurance: z
    .string()
    .regex(/^\d{10}$/)
    .optional(),
  healthInsurance: healthInsuranceSchema.optional(),
  drivingLicence: drivingLicenceSchema.optional(),
  vehicleRegistrations: z.array(vehicleRegistrationSchema).optional(),
  organisation: organisationSchema.optional(),
  guardian: guardianSchema.optional(),
});
/** The attributes of an e-identity; each is present only when released and consented. */
export type IdentityAttributes = z.infer<typeof identityAttributesSchema>;

/**
 * The normalised identity behind a login, the same for every provider and dialect.
 * Beyond each field's own check, the personal ID number must agree with the birth date
 * and gender (issue at `attributes.pid`). The cross-check lives here rather than on
 * {@link identityAttributesSchema} so that schema stays usable with `.pick()`/`.partial()`.
 *
 * @example
 * ```ts
 * const { identity } = await rp.finishLogin(url, transaction);
 * if (identity.level >= 2) showIntegratedDocuments(identity.attributes.drivingLicence);
 * ```
 */
export const identitySchema = z
  .object({
    /** The provider's stable subject identifier (`sub`). */
    subject: z.string().min(1),
    /** The issuer URL the identity came from. */
    issuer: z.string().min(1),
    /** The provider profile that read it (`vneid`, `postid`, `dvcqg`, `oidc`, ...). */
    provider: z.string().min(1),
    /** Kind of account. */
    accountType: accountTypeSchema,
    /** Assurance level reached by this login. */
    level: assuranceLevelSchema,
    /** The raw `acr` value, when the provider sent one. */
    acr: z.string().optional(),
    /** Authentication methods (`amr`), when sent. */
    amr: z.array(z.string()).optional(),
    /** When the citizen authenticated (ISO 8601), when sent. */
    authTime: z.iso.datetime().optional(),
    /** The consented attributes. */
    attributes: identityAttributesSchema,
  })
  .superRefine((identity, ctx) => {
    const { pid: number, birthdate, gender } = identity.attributes;
    if (number !== undefined && isValidPid(number) && !pidMatches(number, { birthdate, gender })) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', 'pid'],
        message: 'The personal ID number does not match the birth date or gender',
      });
    }
  });
/** The normalised identity behind a login, the same for every provider and dialect. */
export type Identity = z.infer<typeof identitySchema>;
