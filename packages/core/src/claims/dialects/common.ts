/**
 * Internal: the pieces every dialect shares — subject, acr and level, amr, auth_time,
 * booleans, account type — and the shape a dialect hands back to `normalizeIdentity`.
 */
import { invalid, missing } from '../fail';
import type { AccountType, AssuranceLevel, IdentityAttributes } from '../identity';
import { cleanText } from '../text';
import type { WireClaims } from './source';

/** What the engine tells a normaliser about the login. */
export interface NormalizeContext {
  /** The issuer the claims came from (becomes `identity.issuer`). */
  issuer: string;
  /** The provider profile's name (becomes `identity.provider`). */
  provider: string;
  /** The profile's mapping of `acr` values to levels; undefined for an unknown value. */
  levelFromAcr: (acr: string) => AssuranceLevel | undefined;
  /** Clock in milliseconds, for the validity dates of `loAs` entries (default `Date.now`). */
  now?: () => number;
}

/** What a dialect reads from the wire, before the identity schema checks it. */
export interface DialectReading {
  subject: string;
  accountType: AccountType;
  level: AssuranceLevel;
  acr?: string;
  amr?: string[];
  authTime?: string;
  attributes: IdentityAttributes;
  /** Wire path of the personal ID number, for the cross-check with birth date and gender. */
  pidPath?: string;
}

/** Reads an identifier (`sub`, `acr`): a non-empty string of at most 255 characters. */
export function readIdentifier(value: unknown, path: string): string {
  const text = typeof value === 'number' ? cleanText(value, 255) : undefined;
  if (text !== undefined) return text;
  if (
    typeof value === 'string' &&
    value.length > 0 &&
    value.length <= 255 &&
    value.trim() === value
  ) {
    return value;
  }
  return invalid(path, 'a non-empty string of at most 255 characters');
}

/** The subject from `name` (default `sub`), or `claims_missing`. */
export function readSubject(claims: WireClaims, name = 'sub'): string {
  return claims.read(name, readIdentifier) ?? missing(claims.pathOf(name), 'the subject');
}

/** Reads an assurance level written as 0/1/2 (number or string). */
export function readLevel(value: unknown, path: string): AssuranceLevel {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (text === '0' || text === '1' || text === '2') return Number(text) as AssuranceLevel;
  return invalid(path, 'an assurance level 0, 1 or 2');
}

/**
 * `acr` and the level it maps to (an unknown `acr` is level 0, never a fallback). Pass
 * `claims.authentication()` so only the ID token counts when there is one.
 */
export function readAcr(
  claims: WireClaims,
  context: NormalizeContext,
): { acr?: string; level?: AssuranceLevel } {
  const acr = claims.read('acr', readIdentifier);
  if (acr === undefined) return {};
  return { acr, level: context.levelFromAcr(acr) ?? 0 };
}

/** `amr`: an array of strings (a single string is accepted). */
export function readAmr(value: unknown, path: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length > 20) return invalid(path, 'an array of strings');
  return list.map((item, i) => {
    if (typeof item !== 'string' || item.length === 0 || item.length > 64) {
      return invalid(`${path}[${i}]`, 'a non-empty string');
    }
    return item;
  });
}

/** `auth_time`: seconds since the epoch (number or numeric string) → ISO 8601. */
export function readAuthTime(value: unknown, path: string): string {
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{1,12}$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 253_402_300_799) {
    return invalid(path, 'seconds since the epoch');
  }
  return new Date(seconds * 1000).toISOString();
}

/** Reads a boolean written as true/false, 1/0 or "1"/"0"/"true"/"false". */
export function readBoolean(value: unknown, path: string): boolean {
  if (value === true || value === 1 || value === '1' || value === 'true') return true;
  if (value === false || value === 0 || value === '0' || value === 'false') return false;
  return invalid(path, 'a boolean (true/false or 1/0)');
}

/** Reads an account type by name (`citizen`, `CITIZEN`, `organization`, ...). */
export function readAccountTypeName(value: unknown, path: string): AccountType {
  const name = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (name === 'citizen' || name === 'foreigner') return name;
  if (name === 'organisation' || name === 'organization') return 'organisation';
  return invalid(path, 'citizen, foreigner or organisation');
}

/** An account type nobody sent, guessed from the attributes. */
export function inferAccountType(attributes: IdentityAttributes): AccountType {
  if (attributes.organisation !== undefined) return 'organisation';
  if (attributes.pid === undefined && attributes.foreignerId !== undefined) return 'foreigner';
  return 'citizen';
}

/** `subject`, `acr`, `amr`, `auth_time` shared by the OpenID Connect dialects. */
export function readSession(
  claims: WireClaims,
  context: NormalizeContext,
): Pick<DialectReading, 'subject' | 'acr' | 'amr' | 'authTime'> & { level?: AssuranceLevel } {
  const out: Pick<DialectReading, 'subject' | 'acr' | 'amr' | 'authTime'> & {
    level?: AssuranceLevel;
  } = { subject: readSubject(claims), ...readAcr(claims.authentication(), context) };
  const amr = claims.authentication().read('amr', readAmr);
  if (amr !== undefined) out.amr = amr;
  const authTime = claims.authentication().read('auth_time', readAuthTime);
  if (authTime !== undefined) out.authTime = authTime;
  return out;
}
