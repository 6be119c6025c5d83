/**
 * One typed {@link Identity} from whatever dialect the provider speaks: the dialect reads
 * the wire names, the primitives check and normalise every value, the identity schema
 * checks the result.
 */
import { DinhDanhError } from '../errors';
import type { DialectReading, NormalizeContext } from './dialects/common';
import { readDvcqg } from './dialects/dvcqg';
import { readPostid } from './dialects/postid';
import type { ClaimSources } from './dialects/source';
import { readStandard } from './dialects/standard';
import { readVneidPartner } from './dialects/vneid-partner';
import { readVneidSso } from './dialects/vneid-sso';
import { invalid } from './fail';
import { identitySchema, type Identity } from './identity';
import { pidMatches } from './pid';

export type { ClaimSources } from './dialects/source';
export type { NormalizeContext } from './dialects/common';

/** The wire dialects the SDK reads (see docs/identity.md for each one's claim names). */
export type Dialect = 'standard' | 'vneid-sso' | 'dvcqg' | 'postid' | 'vneid-partner';

/** Every dialect, for configuration checks. */
export const DIALECTS: readonly Dialect[] = [
  'standard',
  'vneid-sso',
  'dvcqg',
  'postid',
  'vneid-partner',
];

const READERS: Record<Dialect, (s: ClaimSources, c: NormalizeContext) => DialectReading> = {
  standard: readStandard,
  'vneid-sso': readVneidSso,
  dvcqg: readDvcqg,
  postid: readPostid,
  'vneid-partner': readVneidPartner,
};

/**
 * Normalises the claims of a login (ID token and/or userinfo) into an {@link Identity}.
 * The ID token wins over userinfo, which fills what the token lacks (checking that both
 * have the same `sub` is the caller's job); `verified_claims` win over plain claims.
 * Missing attributes stay absent, unknown claims are ignored, every present value is
 * checked: a personal ID number must also agree with the birth date and gender.
 * Organisation accounts are always level 0.
 *
 * @param dialect - the wire dialect of the provider profile.
 * @param sources - the verified ID token's claims and/or the userinfo response.
 * @param context - issuer, provider name and the profile's `acr` → level mapping.
 * @returns the identity.
 * @throws DinhDanhError `input_invalid` for an unknown dialect; `claims_invalid` (with `path` naming the wire field, e.g.
 * `userinfo.NgayThangNamSinh`, never its value) for a malformed value;
 * `claims_missing` when the subject is absent.
 * @example
 * ```ts
 * const identity = normalizeIdentity('dvcqg', { idToken, userinfo }, {
 *   issuer: 'https://sso.dichvucong.gov.vn',
 *   provider: 'dvcqg',
 *   levelFromAcr: (acr) => (acr === 'LoA2' ? 2 : acr === 'LoA1' ? 1 : undefined),
 * });
 * identity.attributes.birthdate; // '1990-05-17'
 * ```
 */
export function normalizeIdentity(
  dialect: Dialect,
  sources: ClaimSources,
  context: NormalizeContext,
): Identity {
  const read = Object.hasOwn(READERS, dialect) ? READERS[dialect] : undefined;
  if (read === undefined) {
    throw new DinhDanhError('input_invalid', `Pass a dialect among ${DIALECTS.join(', ')}.`, {
      path: 'dialect',
    });
  }
  const { pidPath, ...reading } = read(sources, context);
  const { pid, birthdate, gender } = reading.attributes;
  if (pid !== undefined && !pidMatches(pid, { birthdate, gender })) {
    return invalid(pidPath ?? 'pid', 'a personal ID number that matches the birth date and gender');
  }
  // Organisation accounts have no assurance level (Decree 69/2024): whatever the provider
  // says, they never satisfy a level requirement meant for people.
  if (reading.accountType === 'organisation') reading.level = 0;
  const parsed = identitySchema.safeParse({
    ...reading,
    issuer: context.issuer,
    provider: context.provider,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid(issue?.path.join('.') || 'identity', 'a value the Identity schema accepts');
  }
  return parsed.data;
}
