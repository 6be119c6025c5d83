/** `vneid-sso`: Keycloak-style VNeID SSO; camelCase userinfo, acr "1"/"2". */
import type { AssuranceLevel, AttributeName } from '@dinhdanh/core';
import { addressLine, dateDmy, phoneNational } from './format';
import { defined, levelFromTable, type DialectWriter } from './types';

const ACR: Record<AssuranceLevel, string> = { 0: '0', 1: '1', 2: '2' };
const ACCOUNT_TYPE = {
  citizen: 'CITIZEN',
  foreigner: 'FOREIGNER',
  organisation: 'ORGANIZATION',
} as const;

/** The vneid-sso dialect. */
export const vneidSsoDialect: DialectWriter = {
  name: 'vneid-sso',
  acr: (level) => ACR[level],
  level: (acr) => levelFromTable(ACR, acr),
  idTokenExtras: (p, granted) =>
    defined({ preferred_username: granted.has('pid') ? p.attributes.pid : undefined }),
  accountClaims: (p) => ({ accountType: ACCOUNT_TYPE[p.accountType], accountLevel: p.level }),
  claims(p, granted) {
    const a = p.attributes;
    const has = (n: AttributeName) => granted.has(n);
    const org = has('organisation') ? a.organisation : undefined;
    return defined({
      citizenPid: has('pid') ? a.pid : undefined,
      fullName: has('name') ? a.name?.full : undefined,
      birthDate: has('birthdate') ? dateDmy(a.birthdate) : undefined,
      gender:
        has('gender') && a.gender !== undefined ? (a.gender === 'male' ? 'Nam' : 'Nữ') : undefined,
      nationality: has('nationality') ? a.nationality : undefined,
      ethnicity: has('ethnicity') ? a.ethnicity : undefined,
      hometown: has('hometown') ? a.hometown : undefined,
      phoneNumber: has('phone') ? phoneNational(a.phone) : undefined,
      email: has('email') ? a.email : undefined,
      permanentAddress: has('address') ? addressLine(a.address?.permanent) : undefined,
      currentAddress: has('address') ? addressLine(a.address?.current) : undefined,
      oldIdNumber: has('legacyId') ? a.legacyId : undefined,
      taxCode: has('taxCode') ? a.taxCode : undefined,
      socialInsuranceNumber: has('socialInsurance') ? a.socialInsurance : undefined,
      healthInsuranceNumber: has('healthInsurance') ? a.healthInsurance?.number : undefined,
      drivingLicenceNumber: has('drivingLicence') ? a.drivingLicence?.number : undefined,
      drivingLicenceClasses: has('drivingLicence')
        ? a.drivingLicence?.classes.join(',')
        : undefined,
      vehiclePlates: has('vehicleRegistrations')
        ? a.vehicleRegistrations?.map((v) => v.plate)
        : undefined,
      passportNumber: has('passport') ? a.passport?.number : undefined,
      foreignerId: has('foreignerId') ? a.foreignerId : undefined,
      portrait: has('portrait') ? a.portrait : undefined,
      organizationName: org?.name,
      organizationTaxCode: org?.taxCode,
      organizationAddress: addressLine(org?.headOffice),
      representativeName: org?.representative?.name,
      representativePid: org?.representative?.pid,
      guardianPid: has('guardian') ? a.guardian?.pid : undefined,
      guardianName: has('guardian') ? a.guardian?.name : undefined,
    });
  },
  claimNames: {
    citizenPid: 'pid',
    preferred_username: 'pid',
    fullName: 'name',
    birthDate: 'birthdate',
    gender: 'gender',
    nationality: 'nationality',
    ethnicity: 'ethnicity',
    hometown: 'hometown',
    phoneNumber: 'phone',
    email: 'email',
    permanentAddress: 'address',
    currentAddress: 'address',
    oldIdNumber: 'legacyId',
    taxCode: 'taxCode',
    socialInsuranceNumber: 'socialInsurance',
    healthInsuranceNumber: 'healthInsurance',
    drivingLicenceNumber: 'drivingLicence',
    drivingLicenceClasses: 'drivingLicence',
    vehiclePlates: 'vehicleRegistrations',
    passportNumber: 'passport',
    foreignerId: 'foreignerId',
    portrait: 'portrait',
    organizationName: 'organisation',
    organizationTaxCode: 'organisation',
    organizationAddress: 'organisation',
    representativeName: 'organisation',
    representativePid: 'organisation',
    guardianPid: 'guardian',
    guardianName: 'guardian',
  },
};
