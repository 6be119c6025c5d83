import type { ProviderProfile, ProviderProfileOverrides } from './profile';
import { buildProfile, COMMON_ACR } from './profile';

/**
 * Profile for the National Public Service Portal SSO (DVCQG): `acr` `LoA1`/`LoA2`,
 * PascalCase Vietnamese userinfo (`dvcqg` dialect).
 * Attributes: the portal offers no finer scope (`openid` only) and hands over the whole
 * record; the `claims` parameter is sent only where discovery says it is supported, and
 * the engine drops whatever was not asked for.
 *
 * @param overrides - any field to replace (maps are merged).
 * @returns the profile.
 * @example
 * ```ts
 * const rp = createRelyingParty({ ...config, provider: dvcqg() });
 * ```
 */
export function dvcqg(overrides?: ProviderProfileOverrides): ProviderProfile {
  return buildProfile(
    {
      id: 'dvcqg',
      dialect: 'dvcqg',
      acr: COMMON_ACR,
      acrValues: { 1: 'LoA1', 2: 'LoA2' },
      scopes: ['openid'],
      attributeScopes: {},
      defaultLevel: 1,
      userinfo: 'always',
    },
    overrides,
  );
}
