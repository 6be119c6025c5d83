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
import type { RpContext } from '../rp/context';
import type { ConsentRecord } from '../rp/types';

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

/** What a login asked for, as far as consent goes. */
export interface ConsentRequest {
  readonly claims: readonly AttributeName[];
  readonly required?: readonly AttributeName[] | undefined;
  readonly purpose?: string | undefined;
}

/** Flags that travel with an attribute and go when it goes. */
const COMPANIONS: Partial<Record<AttributeName, readonly string[]>> = {
  phone: ['phoneVerified'],
  email: ['emailVerified'],
};

/**
 * Minimisation and the consent record, for every login path (standard, userinfo-only,
 * share): checks the required attributes, drops every attribute that was not asked for
 * (unless `dangerouslyKeepUnrequestedAttributes`, which lists them as
 * `receivedNotRequested`), and records requested / granted / required / purpose /
 * provider / level / time.
 * @throws `claims_missing` naming the required attributes that are absent.
 */
export function consentedIdentity(
  ctx: Pick<RpContext, 'options'>,
  identity: Identity,
  request: ConsentRequest,
  at: number,
  who?: string,
): { identity: Identity; consent: ConsentRecord } {
  const received = grantedAttributes(identity, request.required ?? [], who);
  const asked = new Set(request.claims);
  const granted = received.filter((name) => asked.has(name));
  const extra = received.filter((name) => !asked.has(name));
  const keep = ctx.options.dangerouslyKeepUnrequestedAttributes;
  const attributes: Record<string, unknown> = { ...identity.attributes };
  if (!keep) {
    for (const name of extra) {
      delete attributes[name];
      for (const companion of COMPANIONS[name] ?? []) delete attributes[companion];
    }
  }
  return {
    identity: { ...identity, attributes },
    consent: {
      requested: [...request.claims],
      granted,
      required: [...(request.required ?? [])],
      ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
      provider: identity.provider,
      level: identity.level,
      at: new Date(at).toISOString(),
      ...(keep && extra.length > 0 ? { receivedNotRequested: extra } : {}),
    },
  };
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

/** The ID token claims about the authentication itself (OIDC Core §2, back-channel logout). */
const PROTOCOL_CLAIMS = new Set([
  'iss',
  'sub',
  'aud',
  'exp',
  'iat',
  'nbf',
  'jti',
  'auth_time',
  'nonce',
  'acr',
  'amr',
  'azp',
  'sid',
  'at_hash',
  'c_hash',
]);

/**
 * The ID token claims handed to the app: only those about the authentication, so citizen
 * data a provider puts in the ID token (VNeID's `preferred_username` is the ID number)
 * reaches the app through the minimised identity alone — unless
 * `dangerouslyKeepUnrequestedAttributes` keeps everything.
 */
export function consentedIdTokenClaims(
  ctx: Pick<RpContext, 'options'>,
  claims: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  if (ctx.options.dangerouslyKeepUnrequestedAttributes) return { ...claims };
  return Object.fromEntries(Object.entries(claims).filter(([name]) => PROTOCOL_CLAIMS.has(name)));
}
