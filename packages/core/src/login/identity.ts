/**
 * The one place the engine calls the claims normaliser, so its contract has one seam.
 */
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
