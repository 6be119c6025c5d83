/**
 * The wire name under which each attribute is asked for in the OpenID Connect `claims`
 * request parameter (Core §5.5): the standard claims where OpenID Connect has one, the
 * `vn_`-prefixed names of the standard dialect otherwise.
 */
import type { AttributeName } from '../claims/attributes';

/** The claim name that asks for each attribute in the `claims` request parameter. */
export const STANDARD_CLAIM_NAMES: Readonly<Record<AttributeName, string>> = {
  pid: 'vn_pid',
  legacyId: 'vn_legacy_id',
  name: 'name',
  birthdate: 'birthdate',
  gender: 'gender',
  nationality: 'nationalities',
  ethnicity: 'vn_ethnicity',
  hometown: 'vn_hometown',
  phone: 'phone_number',
  email: 'email',
  address: 'address',
  portrait: 'vn_portrait',
  passport: 'vn_passport',
  foreignerId: 'vn_foreigner_id',
  taxCode: 'vn_tax_code',
  socialInsurance: 'vn_social_insurance',
  healthInsurance: 'vn_health_insurance',
  drivingLicence: 'vn_driving_licence',
  vehicleRegistrations: 'vn_vehicle_registrations',
  organisation: 'vn_organisation',
  guardian: 'vn_guardian',
};

/** `vn_pid`, `vn_driving_licence`, ...: the one scope per attribute of the `oidc()` profile. */
export function attributeScope(attribute: AttributeName): string {
  return `vn_${attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}
