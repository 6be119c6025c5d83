/**
 * TEMPORARY stand-in written by the engine helper so the engine's tests run before the
 * claims helper's normaliser lands. It reads only the `standard` dialect, minimally.
 * The coordinator takes the claims branch's version of this file at merge.
 */
import { DinhDanhError } from '../errors';
import type { AssuranceLevel, Identity } from './identity';
import { identitySchema } from './identity';

/** Claim dialects the normalisers read (see helpers/DIALECTS.md). */
export type Dialect = 'standard' | 'vneid-sso' | 'dvcqg' | 'postid' | 'vneid-partner';

/** Where the claims came from. */
export interface ClaimSources {
  idToken?: Record<string, unknown>;
  userinfo?: Record<string, unknown>;
}

/** What the normaliser needs to know besides the claims. */
export interface NormalizeContext {
  issuer: string;
  provider: string;
  levelFromAcr: (acr: string) => AssuranceLevel | undefined;
  now?: () => number;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** Reads a dialect's claims into an `Identity`; invalid data is `claims_invalid`. */
export function normalizeIdentity(
  dialect: Dialect,
  sources: ClaimSources,
  context: NormalizeContext,
): Identity {
  if (dialect !== 'standard') {
    throw new DinhDanhError('claims_invalid', `Dialect ${dialect} is not supported yet.`);
  }
  const claims: Record<string, unknown> = { ...sources.idToken, ...sources.userinfo };
  const acr = str(sources.idToken?.acr) ?? str(claims.acr);
  const authTime = sources.idToken?.auth_time;
  const attributes: Record<string, unknown> = {};
  const name = str(claims.name);
  if (name !== undefined) attributes.name = { full: name.normalize('NFC') };
  const copy: Array<[string, string]> = [
    ['vn_pid', 'pid'],
    ['birthdate', 'birthdate'],
    ['gender', 'gender'],
    ['phone_number', 'phone'],
    ['email', 'email'],
    ['vn_tax_code', 'taxCode'],
    ['vn_social_insurance', 'socialInsurance'],
    ['vn_portrait', 'portrait'],
  ];
  for (const [from, to] of copy) if (claims[from] !== undefined) attributes[to] = claims[from];
  const parsed = identitySchema.safeParse({
    subject: claims.sub,
    issuer: context.issuer,
    provider: context.provider,
    accountType: claims.vn_account_type ?? 'citizen',
    level: acr === undefined ? 0 : (context.levelFromAcr(acr) ?? 0),
    ...(acr === undefined ? {} : { acr }),
    ...(typeof authTime === 'number' ? { authTime: new Date(authTime * 1000).toISOString() } : {}),
    attributes,
  });
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new DinhDanhError('claims_invalid', 'The provider sent invalid citizen data.', {
      path,
    });
  }
  return parsed.data;
}
