/** `standard`: OpenID Connect standard claims plus `vn_`-prefixed Vietnamese claims. */
import type { AssuranceLevel, AttributeName } from '@dinhdanh/core';
import { defined, levelFromTable, type DialectWriter } from './types';

const ACR: Record<AssuranceLevel, string> = {
  0: 'urn:dinhdanh:loa:0',
  1: 'urn:dinhdanh:loa:1',
  2: 'urn:dinhdanh:loa:2',
};

/** The standard dialect. */
export const standardDialect: DialectWriter = {
  name: 'standard',
  acr: (level) => ACR[level],
  level: (acr) => levelFromTable(ACR, acr),
  idTokenExtras: () => ({}),
  accountClaims: (p) => ({ vn_account_type: p.accountType }),
  claims(p, granted) {
    const a = p.attributes;
    const has = (n: AttributeName) => granted.has(n);
    return defined({
      vn_pid: has('pid') ? a.pid : undefined,
      vn_legacy_id: has('legacyId') ? a.legacyId : undefined,
      name: has('name') ? a.name?.full : undefined,
      family_name: has('name') ? a.name?.family : undefined,
      middle_name: has('name') ? a.name?.middle : undefined,
      given_name: has('name') ? a.name?.given : undefined,
      birthdate: has('birthdate') ? a.birthdate : undefined,
      gender: has('gender') ? a.gender : undefined,
      nationalities:
        has('nationality') && a.nationality !== undefined ? [a.nationality] : undefined,
      vn_ethnicity: has('ethnicity') ? a.ethnicity : undefined,
      vn_hometown: has('hometown') ? a.hometown : undefined,
      phone_number: has('phone') ? a.phone : undefined,
      phone_number_verified: has('phone') && a.phone !== undefined ? a.phoneVerified : undefined,
      email: has('email') ? a.email : undefined,
      email_verified: has('email') && a.email !== undefined ? a.emailVerified : undefined,
      vn_permanent_address: has('address') ? a.address?.permanent : undefined,
      vn_current_address: has('address') ? a.address?.current : undefined,
      vn_portrait: has('portrait') ? a.portrait : undefined,
      vn_passport: has('passport') ? a.passport : undefined,
      vn_foreigner_id: has('foreignerId') ? a.foreignerId : undefined,
      vn_tax_code: has('taxCode') ? a.taxCode : undefined,
      vn_social_insurance: has('socialInsurance') ? a.socialInsurance : undefined,
      vn_health_insurance: has('healthInsurance') ? a.healthInsurance : undefined,
      vn_driving_licence: has('drivingLicence') ? a.drivingLicence : undefined,
      vn_vehicle_registrations: has('vehicleRegistrations') ? a.vehicleRegistrations : undefined,
      vn_organisation: has('organisation') ? a.organisation : undefined,
      vn_guardian: has('guardian') ? a.guardian : undefined,
    });
  },
  claimNames: {
    vn_pid: 'pid',
    vn_legacy_id: 'legacyId',
    name: 'name',
    family_name: 'name',
    middle_name: 'name',
    given_name: 'name',
    birthdate: 'birthdate',
    gender: 'gender',
    nationalities: 'nationality',
    vn_ethnicity: 'ethnicity',
    vn_hometown: 'hometown',
    phone_number: 'phone',
    phone_number_verified: 'phone',
    email: 'email',
    email_verified: 'email',
    vn_permanent_address: 'address',
    vn_current_address: 'address',
    address: 'address',
    vn_portrait: 'portrait',
    vn_passport: 'passport',
    vn_foreigner_id: 'foreignerId',
    vn_tax_code: 'taxCode',
    vn_social_insurance: 'socialInsurance',
    vn_health_insurance: 'healthInsurance',
    vn_driving_licence: 'drivingLicence',
    vn_vehicle_registrations: 'vehicleRegistrations',
    vn_organisation: 'organisation',
    vn_guardian: 'guardian',
  },
};
