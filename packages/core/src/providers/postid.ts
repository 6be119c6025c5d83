import type { ProviderProfile, ProviderProfileOverrides } from './profile';
import { buildProfile, COMMON_ACR } from './profile';

/**
 * Profile for PostID (Vietnam Post, Keycloak): `acr` `LoA1`/`LoA2`, the `postid`
 * dialect (portal claims plus `authType`, verification flags, `loAs`).
 * Attributes: no finer scope is known (`openid profile`); the whole record comes back and
 * the engine drops whatever was not asked for (the `claims` parameter is sent only where
 * discovery says it is supported).
 *
 * @param overrides - any field to replace (maps are merged).
 * @returns the profile.
 * @example
 * ```ts
 * const rp = createRelyingParty({ ...config, provider: postid() });
 * ```
 */
export function postid(overrides?: ProviderProfileOverrides): ProviderProfile {
  return buildProfile(
    {
      id: 'postid',
      dialect: 'postid',
      acr: COMMON_ACR,
      acrValues: { 1: 'LoA1', 2: 'LoA2' },
      scopes: ['openid', 'profile'],
      attributeScopes: {},
      defaultLevel: 1,
      userinfo: 'always',
    },
    overrides,
  );
}
