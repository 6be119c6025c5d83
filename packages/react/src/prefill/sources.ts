import type { Address, AttributeName, IdentityAttributes } from '@dinhdanh/core';

type Part = 'street' | 'ward' | 'district' | 'province';
const address =
  (which: 'permanent' | 'current', part?: Part) =>
  (a: Partial<IdentityAttributes>): string | undefined => {
    const found: Address | undefined = a.address?.[which];
    return part === undefined ? found?.formatted : found?.[part];
  };

/** A value `usePrefill` can put in a form field. Addresses: `formatted` or one part. */
export type PrefillSource =
  | 'fullName'
  | 'familyName'
  | 'middleName'
  | 'givenName'
  | 'birthdate'
  | 'gender'
  | 'pid'
  | 'phone'
  | 'email'
  | 'taxCode'
  | 'socialInsurance'
  | 'healthInsurance'
  | `${'permanent' | 'current'}${'Address' | 'Street' | 'Ward' | 'District' | 'Province'}`;

type Reader = (attributes: Partial<IdentityAttributes>) => string | undefined;

/**
 * Where each prefillable value comes from: the attribute the citizen must have shared, and
 * how to read it. Addresses work in both shapes (2025: province → ward; legacy: with a
 * district, which is then empty for 2025 addresses).
 */
export const PREFILL_SOURCES: Readonly<Record<PrefillSource, readonly [AttributeName, Reader]>> = {
  fullName: ['name', (a) => a.name?.full],
  familyName: ['name', (a) => a.name?.family],
  middleName: ['name', (a) => a.name?.middle],
  givenName: ['name', (a) => a.name?.given],
  birthdate: ['birthdate', (a) => a.birthdate],
  gender: ['gender', (a) => a.gender],
  pid: ['pid', (a) => a.pid],
  phone: ['phone', (a) => a.phone],
  email: ['email', (a) => a.email],
  taxCode: ['taxCode', (a) => a.taxCode],
  socialInsurance: ['socialInsurance', (a) => a.socialInsurance],
  healthInsurance: ['healthInsurance', (a) => a.healthInsurance?.number],
  permanentAddress: ['address', address('permanent')],
  permanentStreet: ['address', address('permanent', 'street')],
  permanentWard: ['address', address('permanent', 'ward')],
  permanentDistrict: ['address', address('permanent', 'district')],
  permanentProvince: ['address', address('permanent', 'province')],
  currentAddress: ['address', address('current')],
  currentStreet: ['address', address('current', 'street')],
  currentWard: ['address', address('current', 'ward')],
  currentDistrict: ['address', address('current', 'district')],
  currentProvince: ['address', address('current', 'province')],
};
