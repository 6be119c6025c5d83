/**
 * The VNeID SSO dialect (Keycloak-style): ID token with `sub`, `acr` "1"/"2" and
 * `preferred_username` = the personal ID number; camelCase userinfo.
 */
import { invalid } from '../fail';
import { isValidPid, normalizePid } from '../pid';
import { compactDigits, prune } from '../text';
import { camelAccountType, readCamelAccountType, readCamelAttributes } from './camel';
import { readSession, type DialectReading, type NormalizeContext } from './common';
import { WireClaims, type ClaimSources } from './source';

/** Reads the VNeID SSO dialect. */
export function readVneidSso(sources: ClaimSources, context: NormalizeContext): DialectReading {
  const claims = WireClaims.of(sources);
  const session = readSession(claims, context);
  const declared = readCamelAccountType(claims);
  const attributes = readCamelAttributes(claims, declared);
  let pidPath = claims.get('citizenPid')?.path;
  // preferred_username carries the personal ID number of citizens; it must agree with
  // citizenPid, and stands in for it when userinfo did not send it.
  const username = claims.get('preferred_username');
  if (username !== undefined && declared !== 'organisation' && declared !== 'foreigner') {
    const digits = compactDigits(username.value);
    if (attributes.pid === undefined && (declared === 'citizen' || isValidPid(digits))) {
      attributes.pid = normalizePid(username.value, username.path);
      pidPath = username.path;
    } else if (attributes.pid !== undefined && isValidPid(digits) && digits !== attributes.pid) {
      return invalid(username.path, 'the same personal ID number as citizenPid');
    }
  }
  return prune<DialectReading>({
    ...session,
    // Only the signed acr sets the level: userinfo's accountLevel is not a fallback here.
    level: session.level ?? 0,
    accountType: camelAccountType(declared, attributes),
    attributes,
    pidPath,
  });
}
