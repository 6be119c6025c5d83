import type { AttributeName } from '@dinhdanh/core';

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

/**
 * Where each prefillable value sits in the identity's attributes, as a dotted path whose
 * first step is the attribute the citizen must have shared. Addresses work in both shapes
 * (2025: province → ward; legacy: with a district, which a 2025 address leaves empty).
 */
const PATHS: Readonly<Record<PrefillSource, string>> = {
  fullName: 'name.full',
  familyName: 'name.family',
  middleName: 'name.middle',
  givenName: 'name.given',
  birthdate: 'birthdate',
  gender: 'gender',
  pid: 'pid',
  phone: 'phone',
  email: 'email',
  taxCode: 'taxCode',
  socialInsurance: 'socialInsurance',
  healthInsurance: 'healthInsurance.number',
  permanentAddress: 'address.permanent.formatted',
  permanentStreet: 'address.permanent.street',
  permanentWard: 'address.permanent.ward',
  permanentDistrict: 'address.permanent.district',
  permanentProvince: 'address.permanent.province',
  currentAddress: 'address.current.formatted',
  currentStreet: 'address.current.street',
  currentWard: 'address.current.ward',
  currentDistrict: 'address.current.district',
  currentProvince: 'address.current.province',
};

/** The attribute a source needs, and its value (a string) in `attributes` when present. */
export function readSource(
  source: PrefillSource,
  attributes: object,
): { attribute: AttributeName; value: string | undefined } {
  const steps = PATHS[source].split('.');
  let value: unknown = attributes;
  for (const step of steps) {
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[step]
        : undefined;
  }
  return {
    attribute: steps[0] as AttributeName,
    value: typeof value === 'string' ? value : undefined,
  };
}
