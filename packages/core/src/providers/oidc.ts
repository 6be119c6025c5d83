import type { AttributeName } from '../claims/attributes';
import { ATTRIBUTE_NAMES } from '../claims/attributes';
import { attributeScope } from './claim-names';
import type { ProviderProfile, ProviderProfileOverrides } from './profile';
import { buildProfile, COMMON_ACR } from './profile';

/** OpenID Connect's standard claims are asked for by name (`claims` parameter), not by a scope. */
const OIDC_STANDARD: Readonly<Partial<Record<AttributeName, readonly string[]>>> = {
  name: ['profile'],
  birthdate: ['profile'],
  gender: ['profile'],
  phone: ['phone'],
  email: ['email'],
  address: ['address'],
};

/** One scope per Vietnamese attribute (`vn_pid`, `vn_driving_licence`, ...). */
const PER_ATTRIBUTE: ProviderProfile['attributeScopes'] = Object.fromEntries(
  ATTRIBUTE_NAMES.filter((a) => OIDC_STANDARD[a] === undefined).map((a) => [
    a,
    [attributeScope(a)],
  ]),
);

/**
 * Profile for any standards-following OpenID Connect national e-ID, and for the mock:
 * the `standard` dialect, `acr` values `urn:dinhdanh:loa:1` / `urn:dinhdanh:loa:2`.
 * Each attribute is asked for by name: the `claims` request parameter (`essential` for
 * required ones) and one scope per Vietnamese attribute (`vn_pid`, `vn_tax_code`, ...).
 * OpenID Connect's grouped scopes (`profile`, `email`, `phone`, `address`) are sent only
 * when the provider does not support the `claims` parameter.
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
      attributeScopes: PER_ATTRIBUTE,
      fallbackScopes: OIDC_STANDARD,
      defaultLevel: 1,
      userinfo: 'when_claims',
    },
    overrides,
  );
}
