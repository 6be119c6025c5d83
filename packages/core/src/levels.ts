/**
 * Assurance levels (Decree 69/2024): 0 = none (organisation accounts, unknown `acr`),
 * 1 and 2. Each provider profile maps its own `acr` values onto these ordered levels.
 */
import type { AssuranceLevel } from './claims/identity';
import type { ProviderProfile } from './providers/profile';

/** All levels, lowest first. */
export const LEVELS: readonly AssuranceLevel[] = [0, 1, 2];

/** Negative when `a` is below `b`, zero when equal, positive when above. */
export function compareLevels(a: AssuranceLevel, b: AssuranceLevel): number {
  return a - b;
}

/** Whether `actual` is at least `required`. */
export function meetsLevel(actual: AssuranceLevel, required: AssuranceLevel): boolean {
  return compareLevels(actual, required) >= 0;
}

/**
 * The level an `acr` value stands for under a profile; `undefined` when the profile does
 * not know it (callers treat that as level 0, failing closed).
 */
export function levelFromAcr(
  profile: Pick<ProviderProfile, 'acr'>,
  acr: string | undefined,
): AssuranceLevel | undefined {
  if (acr === undefined) return undefined;
  return Object.hasOwn(profile.acr, acr) ? profile.acr[acr] : undefined;
}

/**
 * The `acr_values` to request for a minimum level: the profile's value for that level
 * first, then those of higher levels (any of them satisfies the request). Level 0 asks
 * for nothing: organisation accounts have no level.
 */
export function acrValuesFor(
  profile: Pick<ProviderProfile, 'acrValues'>,
  level: AssuranceLevel,
): string[] {
  const values: string[] = [];
  if (level === 0) return values;
  for (const candidate of LEVELS) {
    const value = profile.acrValues[candidate];
    if (candidate >= level && value !== undefined && candidate > 0) values.push(value);
  }
  return values;
}
