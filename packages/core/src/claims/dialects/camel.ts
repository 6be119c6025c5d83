/**
 * Internal: the camelCase userinfo shared by the VNeID SSO (Keycloak-style) and VNeID
 * partner dialects: `citizenPid`, `fullName`, `birthDate`, `accountType`, `accountLevel`...
 */
import { parseAddress } from '../address';
import { normalizeDate } from '../dates';
import {
  normalizeDocumentNumber,
  normalizeDrivingLicenceNumber,
  normalizeLicenceClasses,
  normalizeSocialInsuranceNumber,
} from '../documents';
import { normalizeEmail } from '../email';
import { invalid } from '../fail';
import { normalizeGender } from '../gender';
import type { AccountType, Address, IdentityAttributes, Organisation } from '../identity';
import { normalizeLegacyId } from '../legacy-id';
import { normalizeName, toPersonName } from '../name';
import { normalizeNationality } from '../nationality';
import { normalizePhone } from '../phone';
import { normalizePid } from '../pid';
import {
  normalizePortrait,
  readHealthInsurance,
  readPassport,
  readVehicleRegistrations,
} from '../records';
import { normalizeTaxCode } from '../tax-code';
import { prune, readText } from '../text';
import { inferAccountType, readAccountTypeName } from './common';
import type { WireClaims } from './source';

const text = (value: unknown, path: string) => readText(value, path);
const ORG_FIELDS = ['organizationAddress', 'representativeName', 'representativePid'];

function readDrivingLicence(claims: WireClaims): IdentityAttributes['drivingLicence'] {
  const number = claims.read('drivingLicenceNumber', normalizeDrivingLicenceNumber);
  const classes = claims.read('drivingLicenceClasses', normalizeLicenceClasses);
  if (number === undefined && classes === undefined) return undefined;
  if (number === undefined)
    return invalid(
      claims.pathOf('drivingLicenceNumber', ['drivingLicenceClasses']),
      'a licence number with the classes',
    );
  if (classes === undefined)
    return invalid(
      claims.pathOf('drivingLicenceClasses', ['drivingLicenceNumber']),
      'the classes of the licence',
    );
  return { number, classes };
}

/** The organisation fields; without `organizationName` only the tax code can be kept. */
function readOrganisation(claims: WireClaims): Organisation | undefined {
  const taxCode = claims.read('organizationTaxCode', normalizeTaxCode);
  const headOffice = claims.read('organizationAddress', parseAddress);
  const repName = claims.read('representativeName', normalizeName);
  const repPid = claims.read('representativePid', normalizePid);
  const name = claims.read('organizationName', text);
  if (name === undefined) {
    if (headOffice !== undefined || repName !== undefined || repPid !== undefined) {
      return invalid(
        claims.pathOf('organizationName', ORG_FIELDS),
        "the organisation's name with its other fields",
      );
    }
    return undefined;
  }
  if (repPid !== undefined && repName === undefined) {
    return invalid(
      claims.pathOf('representativeName', ['representativePid']),
      "the representative's name with their ID number",
    );
  }
  return prune<Organisation>({
    name,
    taxCode,
    headOffice,
    representative: repName === undefined ? undefined : prune({ name: repName, pid: repPid }),
  });
}

/** Reads `accountType` (`CITIZEN`, `FOREIGNER`, `ORGANIZATION`). */
export function readCamelAccountType(claims: WireClaims): AccountType | undefined {
  return claims.read('accountType', readAccountTypeName);
}

/** Reads every camelCase attribute. */
export function readCamelAttributes(
  claims: WireClaims,
  declared: AccountType | undefined,
): IdentityAttributes {
  const organisation = readOrganisation(claims);
  const orgTaxCode = claims.read('organizationTaxCode', normalizeTaxCode);
  const addresses = prune<{ permanent?: Address; current?: Address }>({
    permanent: claims.read('permanentAddress', parseAddress),
    current: claims.read('currentAddress', parseAddress),
  });
  const guardian = prune({
    pid: claims.read('guardianPid', normalizePid),
    name: claims.read('guardianName', normalizeName),
  });
  const fullName = claims.get('fullName');
  const attributes = prune<IdentityAttributes>({
    pid: claims.read('citizenPid', normalizePid),
    legacyId: claims.read('oldIdNumber', normalizeLegacyId),
    name:
      fullName === undefined
        ? undefined
        : toPersonName(fullName.value, fullName.path, { split: declared !== 'foreigner' }),
    birthdate: claims.read('birthDate', normalizeDate),
    gender: claims.read('gender', normalizeGender),
    nationality: claims.read('nationality', normalizeNationality),
    ethnicity: claims.read('ethnicity', text),
    hometown: claims.read('hometown', text),
    phone: claims.read('phoneNumber', normalizePhone),
    email: claims.read('email', normalizeEmail),
    address: Object.keys(addresses).length > 0 ? addresses : undefined,
    portrait: claims.read('portrait', normalizePortrait),
    passport: claims.read('passportNumber', readPassport),
    foreignerId: claims.read('foreignerId', normalizeDocumentNumber),
    taxCode:
      claims.read('taxCode', normalizeTaxCode) ??
      (declared === undefined || declared === 'organisation' ? orgTaxCode : undefined),
    socialInsurance: claims.read('socialInsuranceNumber', normalizeSocialInsuranceNumber),
    healthInsurance: claims.read('healthInsuranceNumber', readHealthInsurance),
    drivingLicence: readDrivingLicence(claims),
    vehicleRegistrations: claims.read('vehiclePlates', readVehicleRegistrations),
    organisation,
    guardian: Object.keys(guardian).length > 0 ? guardian : undefined,
  });
  return attributes;
}

/** The declared account type, or one guessed from the attributes. */
export function camelAccountType(
  declared: AccountType | undefined,
  attributes: IdentityAttributes,
): AccountType {
  return declared ?? inferAccountType(attributes);
}
