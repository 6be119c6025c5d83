/**
 * A provider profile: what differs between national identity providers that the engine
 * must know — `acr` values and their levels, the claims dialect, scopes per attribute.
 */
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import type { Dialect } from '../claims/normalize';

/** How a provider releases attributes: in the ID token, from userinfo, or both. */
export type UserinfoPolicy = 'always' | 'when_claims' | 'never';

/** A provider profile. Build one with `vneid()`, `postid()`, `dvcqg()` or `oidc()`. */
export interface ProviderProfile {
  /** Short id recorded in identities (`vneid`, `postid`, `dvcqg`, `oidc`). */
  readonly id: string;
  /** Claims dialect the normaliser reads. */
  readonly dialect: Dialect;
  /** Every accepted `acr` value (all variants seen in the wild) and its level. */
  readonly acr: Readonly<Record<string, AssuranceLevel>>;
  /** The `acr` value to send for each level. */
  readonly acrValues: Readonly<Partial<Record<AssuranceLevel, string>>>;
  /** Scopes always requested. */
  readonly scopes: readonly string[];
  /** Extra scopes that release each attribute. */
  readonly attributeScopes: Readonly<Partial<Record<AttributeName, readonly string[]>>>;
  /** Level asked for when `startLogin` names none. */
  readonly defaultLevel: AssuranceLevel;
  /** When to call userinfo. */
  readonly userinfo: UserinfoPolicy;
}

/** Overrides accepted by every profile factory. */
export type ProviderProfileOverrides = Partial<ProviderProfile>;

/** The `acr` variants seen in the wild, for every dialect: "1"/"2", LoA1/LoA2, our URIs. */
export const COMMON_ACR: Readonly<Record<string, AssuranceLevel>> = {
  '0': 0,
  '1': 1,
  '2': 2,
  LoA0: 0,
  LoA1: 1,
  LoA2: 2,
  loa0: 0,
  loa1: 1,
  loa2: 2,
  'urn:dinhdanh:loa:0': 0,
  'urn:dinhdanh:loa:1': 1,
  'urn:dinhdanh:loa:2': 2,
};

/** Merges overrides into a base profile (maps are merged, not replaced, except `acrValues`). */
export function buildProfile(
  base: ProviderProfile,
  overrides: ProviderProfileOverrides = {},
): ProviderProfile {
  return {
    ...base,
    ...overrides,
    acr: { ...base.acr, ...overrides.acr },
    acrValues: { ...base.acrValues, ...overrides.acrValues },
    attributeScopes: { ...base.attributeScopes, ...overrides.attributeScopes },
  };
}
