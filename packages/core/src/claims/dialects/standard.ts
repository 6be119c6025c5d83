/**
 * The standard dialect: OpenID Connect standard claims, Vietnamese claims prefixed `vn_` in
 * the SDK's own shapes, and OpenID Connect for Identity Assurance `verified_claims`
 * (merged over the plain claims).
 */
import { parseAddress } from '../address';
import { normalizeDate } from '../dates';
import { normalizeDocumentNumber, normalizeSocialInsuranceNumber } from '../documents';
import { normalizeEmail } from '../email';
import { invalid } from '../fail';
import { normalizeGender } from '../gender';
import type { Address, IdentityAttributes, PersonName } from '../identity';
import { normalizeLegacyId } from '../legacy-id';
import { normalizeName, toPersonName } from '../name';
import { normalizeNationality } from '../nationality';
import { readOrganisation } from '../organisation';
import { normalizePhone } from '../phone';
import { normalizePid } from '../pid';
import {
  normalizePortrait,
  readDrivingLicence,
  readGuardian,
  readHealthInsurance,
  readPassport,
  readVehicleRegistrations,
} from '../records';
import { normalizeTaxCode } from '../tax-code';
import { prune, readText } from '../text';
import {
  inferAccountType,
  readAccountTypeName,
  readBoolean,
  readSession,
  type DialectReading,
  type NormalizeContext,
} from './common';
import { WireClaims, type ClaimSources } from './source';

const text = (value: unknown, path: string) => readText(value, path);

function readNationalities(value: unknown, path: string): string | undefined {
  if (!Array.isArray(value)) return normalizeNationality(value, path);
  if (value.length > 10) return invalid(path, 'an array of at most 10 country codes');
  const codes = value.map((item, i) => normalizeNationality(item, `${path}[${i}]`));
  return codes[0];
}

/**
 * Foreigners' names follow other orders, so their parts cannot be derived; the provider's
 * are kept only when each one appears, as whole words, in the full name.
 */
function foreignParts(claims: WireClaims, full: string): Omit<PersonName, 'full'> {
  const parts = prune<Omit<PersonName, 'full'>>({
    family: claims.read('family_name', normalizeName),
    middle: claims.read('middle_name', normalizeName),
    given: claims.read('given_name', normalizeName),
  });
  const padded = ` ${full.toLowerCase()} `;
  const consistent = Object.values(parts).every(
    (part) => part === undefined || padded.includes(` ${part.toLowerCase()} `),
  );
  return consistent ? parts : {};
}

function readName(claims: WireClaims, foreigner: boolean): PersonName | undefined {
  const name = claims.get('name');
  let person: PersonName | undefined;
  // Never trust the parts a provider sends for a Vietnamese name: one deployment put the
  // family name in given_name. The full name is split instead; the parts only rebuild a
  // full name that is missing.
  if (name !== undefined) person = toPersonName(name.value, name.path, { split: !foreigner });
  else {
    const parts = ['family_name', 'middle_name', 'given_name']
      .map((key) => claims.read(key, normalizeName))
      .filter((part) => part !== undefined);
    if (parts.length === 0) return undefined;
    const full = (foreigner ? [...parts].reverse() : parts).join(' ');
    person = toPersonName(full, claims.pathOf('name'), { split: !foreigner });
  }
  return foreigner ? { ...person, ...foreignParts(claims, person.full) } : person;
}

function readAddresses(claims: WireClaims): IdentityAttributes['address'] {
  const address = prune<{ permanent?: Address; current?: Address }>({
    permanent: claims.read('vn_permanent_address', parseAddress),
    current: claims.read('vn_current_address', parseAddress),
  });
  return Object.keys(address).length > 0 ? address : undefined;
}

/** Reads the standard dialect. */
export function readStandard(sources: ClaimSources, context: NormalizeContext): DialectReading {
  const top = WireClaims.of(sources);
  const claims = top.withVerified();
  const session = readSession(top, context);
  const declared = claims.read('vn_account_type', readAccountTypeName);
  const phone = claims.read('phone_number', normalizePhone);
  const email = claims.read('email', normalizeEmail);
  const attributes = prune<IdentityAttributes>({
    pid: claims.read('vn_pid', normalizePid),
    legacyId: claims.read('vn_legacy_id', normalizeLegacyId),
    name: readName(claims, declared === 'foreigner'),
    birthdate: claims.read('birthdate', normalizeDate),
    gender: claims.read('gender', normalizeGender),
    nationality: claims.read('nationalities', readNationalities),
    ethnicity: claims.read('vn_ethnicity', text),
    hometown: claims.read('vn_hometown', text),
    phone,
    phoneVerified:
      phone === undefined ? undefined : claims.read('phone_number_verified', readBoolean),
    email,
    emailVerified: email === undefined ? undefined : claims.read('email_verified', readBoolean),
    address: readAddresses(claims),
    portrait: claims.read('vn_portrait', normalizePortrait),
    passport: claims.read('vn_passport', readPassport),
    foreignerId: claims.read('vn_foreigner_id', normalizeDocumentNumber),
    taxCode: claims.read('vn_tax_code', normalizeTaxCode),
    socialInsurance: claims.read('vn_social_insurance', normalizeSocialInsuranceNumber),
    healthInsurance: claims.read('vn_health_insurance', readHealthInsurance),
    drivingLicence: claims.read('vn_driving_licence', readDrivingLicence),
    vehicleRegistrations: claims.read('vn_vehicle_registrations', readVehicleRegistrations),
    organisation: claims.read('vn_organisation', readOrganisation),
    guardian: claims.read('vn_guardian', readGuardian),
  });
  return prune<DialectReading>({
    ...session,
    level: session.level ?? 0,
    accountType: declared ?? inferAccountType(attributes),
    attributes,
    pidPath: claims.get('vn_pid')?.path,
  });
}
