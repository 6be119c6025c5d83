import type { ProviderProfile, ProviderProfileOverrides } from './profile';
import { buildProfile, COMMON_ACR } from './profile';

const STANDARD_SCOPES: ProviderProfile['attributeScopes'] = {
  name: ['profile'],
  birthdate: ['profile'],
  gender: ['profile'],
  phone: ['phone'],
  email: ['email'],
  address: ['address'],
  pid: ['vn_identity'],
  legacyId: ['vn_identity'],
  nationality: ['vn_identity'],
  ethnicity: ['vn_identity'],
  hometown: ['vn_identity'],
  foreignerId: ['vn_identity'],
  portrait: ['vn_portrait'],
  passport: ['vn_documents'],
  drivingLicence: ['vn_documents'],
  vehicleRegistrations: ['vn_documents'],
  taxCode: ['vn_tax'],
  socialInsurance: ['vn_insurance'],
  healthInsurance: ['vn_insurance'],
  organisation: ['vn_organisation'],
  guardian: ['vn_guardian'],
};

/**
 * Profile for any standards-following OpenID Connect national e-ID, and for the mock:
 * the `standard` dialect, `acr` values `urn:dinhdanh:loa:1` / `urn:dinhdanh:loa:2`.
 *
 * @param overrides - any field to replace (maps are merged).
 * @returns the profile.
 * @example
 * ```ts
 * const rp = createRelyingParty({ ...config, provider: oidc({ acrValues: { 2: 'high' }, acr: { high: 2 } }) });
 * ```
 */
export function oidc(overrides?: ProviderProfileOverrides): ProviderProfile {
  return buildProfile(
    {
      id: 'oidc',
      dialect: 'standard',
      acr: COMMON_ACR,
      acrValues: { 1: 'urn:dinhdanh:loa:1', 2: 'urn:dinhdanh:loa:2' },
      scopes: ['openid'],
      attributeScopes: STANDARD_SCOPES,
      defaultLevel: 1,
      userinfo: 'when_claims',
    },
    overrides,
  );
}
