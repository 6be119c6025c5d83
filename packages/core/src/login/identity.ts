/**
 * The one place the engine calls the claims normaliser, so its contract has one seam.
 */
import { ATTRIBUTE_NAMES, type AttributeName } from '../claims/attributes';
import type { Identity } from '../claims/identity';
import type { ClaimSources } from '../claims/normalize';
import { normalizeIdentity } from '../claims/normalize';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { safeCause } from '../http/safe-cause';
import { levelFromAcr } from '../levels';
import type { ProviderProfile } from '../providers/profile';

/** Normalises the claims of a login under the provider profile; errors are `claims_invalid`. */
export function readIdentity(
  profile: ProviderProfile,
  issuer: string,
  sources: ClaimSources,
  now: () => number,
): Identity {
  try {
    return normalizeIdentity(profile.dialect, sources, {
      issuer,
      provider: profile.id,
      levelFromAcr: (acr) => levelFromAcr(profile, acr),
      now,
    });
  } catch (error) {
    if (isDinhDanhError(error)) throw error;
    throw new DinhDanhError(
      'claims_invalid',
      'The provider sent citizen data that could not be read.',
      {
        cause: safeCause(error),
      },
    );
  }
}

/**
 * The attributes an identity carries (what was granted), after checking that every
 * `required` one is among them.
 * @throws `claims_missing` naming the required attributes that are absent.
 */
export function grantedAttributes(
  identity: Identity,
  required: readonly AttributeName[],
  who = 'The provider did not release',
): AttributeName[] {
  const attributes = identity.attributes as Record<string, unknown>;
  const granted = ATTRIBUTE_NAMES.filter((name) => attributes[name] !== undefined);
  const missing = required.filter((name) => !granted.includes(name));
  if (missing.length > 0) {
    throw new DinhDanhError(
      'claims_missing',
      `${who} the required attribute(s) ${missing.join(', ')}.`,
      { path: missing.join(',') },
    );
  }
  return granted;
}
