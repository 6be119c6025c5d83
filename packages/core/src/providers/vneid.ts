import type { ProviderProfile, ProviderProfileOverrides } from './profile';
import { buildProfile, COMMON_ACR } from './profile';

/**
 * Profile for VNeID SSO (Keycloak-style): `acr` `"1"`/`"2"`, the `vneid-sso` dialect
 * (camelCase userinfo). Every value is overridable: VNeID publishes no developer docs.
 * Attributes: no finer scope is known, so it asks for `openid profile` and, where discovery
 * says `claims_parameter_supported`, names each attribute in the `claims` parameter; VNeID
 * SSO hands over the whole record, and the engine drops what was not asked for.
 *
 * @param overrides - any field to replace (maps are merged).
 * @returns the profile.
 * @example
 * ```ts
 * const rp = createRelyingParty({ ...config, provider: vneid() });
 * ```
 */
export function vneid(overrides?: ProviderProfileOverrides): ProviderProfile {
  return buildProfile(
    {
      id: 'vneid',
      dialect: 'vneid-sso',
      acr: COMMON_ACR,
      acrValues: { 1: '1', 2: '2' },
      scopes: ['openid', 'profile'],
      attributeScopes: {},
      defaultLevel: 1,
      userinfo: 'always',
    },
    overrides,
  );
}
