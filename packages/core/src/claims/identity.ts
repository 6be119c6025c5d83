/**
 * The normalised e-identity: one typed shape whatever dialect the provider spoke.
 *
 * The field names and output types here are shared by
 * the engine, the mock identity provider's personas and the adapters. The primitives are
 * checked with the validators of `claims/*.ts`; the schemas accept only canonical values
 * (what the normalisers return), they do not normalise.
 */
import * as z from 'zod/mini';
import { isLicenceClass, isValidHealthInsuranceNumber, isValidVehiclePlate } from './documents';
import { isCountryCode } from './nationality';
import { isE164Phone } from './phone';
import { isValidPid, pidMatches } from './pid';
import { isValidTaxCode } from './tax-code';

const isoDate = z.iso.date();
const pid = z.string().check(z.refine(isValidPid, 'Expected a 12-digit personal ID number'));
const countryCode = z
  .string()
  .check(z.refine(isCountryCode, 'Expected an ISO 3166-1 alpha-2 code'));
const taxCode = z.string().check(z.refine(isValidTaxCode, 'Expected a tax code'));

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
  formatted: z.string().check(z.minLength(1)),
  street: z.optional(z.string().check(z.minLength(1))),
  ward: z.optional(z.string().check(z.minLength(1))),
  district: z.optional(z.string().check(z.minLength(1))),
  province: z.optional(z.string().check(z.minLength(1))),
  country: z.optional(countryCode),
});
/** An address, in the 2025 two-level shape or the legacy three-level shape. */
export type Address = z.infer<typeof addressSchema>;

/** A person's name in Vietnamese order: family, middle, given; Unicode NFC. */
export const personNameSchema = z.object({
  full: z.string().check(z.minLength(1)),
  family: z.optional(z.string().check(z.minLength(1))),
  middle: z.optional(z.string().check(z.minLength(1))),
  given: z.optional(z.string().check(z.minLength(1))),
});
/** A person's name in Vietnamese order: family, middle, given; Unicode NFC. */
export type PersonName = z.infer<typeof personNameSchema>;

/** Passport of a foreigner (level 2 foreigners enrol with it). */
export const passportSchema = z.object({
  number: z.string().check(z.minLength(1)),
  type: z.optional(z.string().check(z.minLength(1))),
  country: z.optional(countryCode),
  issuedOn: z.optional(isoDate),
  expiresOn: z.optional(isoDate),
});
/** Passport of a foreigner. */
export type Passport = z.infer<typeof passportSchema>;

/** Driving licence integrated in the e-identity (level 2). */
export const drivingLicenceSchema = z.object({
  number: z.string().check(z.regex(/^\d{12}$/)),
  classes: z
    .array(z.string().check(z.refine(isLicenceClass, 'Expected a driving licence class')))
    .check(z.minLength(1)),
  issuedOn: z.optional(isoDate),
  expiresOn: z.optional(isoDate),
});
/** Driving licence integrated in the e-identity (level 2). */
export type DrivingLicence = z.infer<typeof drivingLicenceSchema>;

/** Vehicle registration integrated in the e-identity (level 2). */
export const vehicleRegistrationSchema = z.object({
  plate: z.string().check(z.refine(isValidVehiclePlate, 'Expected a plate such as 30A-123.45')),
  kind: z.optional(z.string().check(z.minLength(1))),
  brand: z.optional(z.string().check(z.minLength(1))),
  registeredOn: z.optional(isoDate),
});
/** Vehicle registration integrated in the e-identity (level 2). */
export type VehicleRegistration = z.infer<typeof vehicleRegistrationSchema>;

/** Health insurance card (BHYT) integrated in the e-identity (level 2). */
export const healthInsuranceSchema = z.object({
  number: z
    .string()
    .check(z.refine(isValidHealthInsuranceNumber, 'Expected a health insurance card number')),
  validFrom: z.optional(isoDate),
  validTo: z.optional(isoDate),
  hospital: z.optional(z.string().check(z.minLength(1))),
});
/** Health insurance card (BHYT). */
export type HealthInsurance = z.infer<typeof healthInsuranceSchema>;

/** An organisation account (no assurance level), registered by its legal representative. */
export const organisationSchema = z.object({
  name: z.string().check(z.minLength(1)),
  englishName: z.optional(z.string().check(z.minLength(1))),
  taxCode: z.optional(taxCode),
  enterpriseCode: z.optional(z.string().check(z.regex(/^\d{10}(-\d{3})?$/))),
  foundedOn: z.optional(isoDate),
  headOffice: z.optional(addressSchema),
  representative: z.optional(
    z.object({
      name: z.string().check(z.minLength(1)),
      pid: z.optional(pid),
    }),
  ),
});
/** An organisation account. */
export type Organisation = z.infer<typeof organisationSchema>;

/** For a child under 14: the guardian whose level-2 account registered the child's. */
export const guardianSchema = z.object({
  pid: z.optional(pid),
  name: z.optional(z.string().check(z.minLength(1))),
  relationship: z.optional(z.string().check(z.minLength(1))),
  subject: z.optional(z.string().check(z.minLength(1))),
});
/** The guardian of a minor's account. */
export type Guardian = z.infer<typeof guardianSchema>;

/** The attributes of an e-identity; each is present only when released and consented. */
export const identityAttributesSchema = z.object({
  pid: z.optional(pid),
  legacyId: z.optional(z.string().check(z.regex(/^\d{9}$/))),
  name: z.optional(personNameSchema),
  birthdate: z.optional(isoDate),
  gender: z.optional(z.enum(['male', 'female'])),
  nationality: z.optional(countryCode),
  ethnicity: z.optional(z.string().check(z.minLength(1))),
  hometown: z.optional(z.string().check(z.minLength(1))),
  phone: z.optional(z.string().check(z.refine(isE164Phone, 'Expected an E.164 phone number'))),
  phoneVerified: z.optional(z.boolean()),
  email: z.optional(z.email()),
  emailVerified: z.optional(z.boolean()),
  address: z.optional(
    z.object({ permanent: z.optional(addressSchema), current: z.optional(addressSchema) }),
  ),
  portrait: z.optional(z.string().check(z.minLength(1))),
  passport: z.optional(passportSchema),
  foreignerId: z.optional(z.string().check(z.minLength(1))),
  taxCode: z.optional(taxCode),
  socialInsurance: z.optional(z.string().check(z.regex(/^\d{10}$/))),
  healthInsurance: z.optional(healthInsuranceSchema),
  drivingLicence: z.optional(drivingLicenceSchema),
  vehicleRegistrations: z.optional(z.array(vehicleRegistrationSchema)),
  organisation: z.optional(organisationSchema),
  guardian: z.optional(guardianSchema),
});
/** The attributes of an e-identity; each is present only when released and consented. */
export type IdentityAttributes = z.infer<typeof identityAttributesSchema>;

/**
 * The normalised identity behind a login, the same for every provider and dialect.
 * Beyond each field's own check, the personal ID number must agree with the birth date
 * and gender (issue at `attributes.pid`). The cross-check lives here rather than on
 * {@link identityAttributesSchema} so that schema stays usable with `z.pick()`/`z.partial()`.
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
    subject: z.string().check(z.minLength(1)),
    /** The issuer URL the identity came from. */
    issuer: z.string().check(z.minLength(1)),
    /** The provider profile that read it (`vneid`, `postid`, `dvcqg`, `oidc`, ...). */
    provider: z.string().check(z.minLength(1)),
    /** Kind of account. */
    accountType: accountTypeSchema,
    /** Assurance level reached by this login. */
    level: assuranceLevelSchema,
    /** The raw `acr` value, when the provider sent one. */
    acr: z.optional(z.string()),
    /** Authentication methods (`amr`), when sent. */
    amr: z.optional(z.array(z.string())),
    /** When the citizen authenticated (ISO 8601), when sent. */
    authTime: z.optional(z.iso.datetime()),
    /** The consented attributes. */
    attributes: identityAttributesSchema,
  })
  .check(
    z.superRefine((identity, ctx) => {
      const { pid: number, birthdate, gender } = identity.attributes;
      if (
        number !== undefined &&
        isValidPid(number) &&
        !pidMatches(number, { birthdate, gender })
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['attributes', 'pid'],
          message: 'The personal ID number does not match the birth date or gender',
        });
      }
    }),
  );
/** The normalised identity behind a login, the same for every provider and dialect. */
export type Identity = z.infer<typeof identitySchema>;
