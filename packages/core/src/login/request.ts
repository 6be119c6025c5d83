/**
 * Validation of what a caller asks for in a login (level, attributes, purpose) and the
 * scopes and `acr_values` that follow from it. Shared by browser and cross-device logins.
 */
import * as z from 'zod/mini';
import { zodMessages } from '../config/messages';
import { ATTRIBUTE_NAMES, isSensitiveAttribute } from '../claims/attributes';
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import { DinhDanhError } from '../errors';
import { acrValuesFor } from '../levels';
import { STANDARD_CLAIM_NAMES } from '../providers/claim-names';
import type { RpContext } from '../rp/context';

const attributeSchema = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);

const attributeList = z.optional(
  z.array(attributeSchema).check(z.maxLength(ATTRIBUTE_NAMES.length)),
);

/** Schema of the options common to every login. */
export const loginRequestSchema = z.object({
  level: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
  attributes: attributeList,
  /** @deprecated the old name of `attributes`. */
  claims: attributeList,
  required: z.optional(z.array(attributeSchema).check(z.maxLength(ATTRIBUTE_NAMES.length))),
  purpose: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
});

/** A validated login request. */
export interface LoginRequest {
  level: AssuranceLevel;
  claims: AttributeName[];
  required: AttributeName[];
  purpose?: string;
}

/**
 * Validates a login request.
 * @throws DinhDanhError input_invalid, purpose_required.
 */
export function readLoginRequest(ctx: RpContext, input: unknown): LoginRequest {
  const parsed = loginRequestSchema.safeParse(input ?? {}, zodMessages);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DinhDanhError(
      'input_invalid',
      `Invalid login options: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      {
        path: issue?.path.join('.') ?? '',
      },
    );
  }
  if (parsed.data.attributes !== undefined && parsed.data.claims !== undefined) {
    throw new DinhDanhError(
      'input_invalid',
      'Give the attributes once: `attributes` (`claims` is its deprecated old name).',
      { path: 'claims' },
    );
  }
  const asked = parsed.data.attributes ?? parsed.data.claims ?? [];
  const claims = [...new Set([...asked, ...(parsed.data.required ?? [])])];
  const sensitive = claims.filter(isSensitiveAttribute);
  if (sensitive.length > 0 && parsed.data.purpose === undefined) {
    throw new DinhDanhError(
      'purpose_required',
      `Give a purpose to request the sensitive attribute(s) ${sensitive.join(', ')} (Decree 13/2023, Law 91/2025).`,
      { path: 'purpose' },
    );
  }
  return {
    level: parsed.data.level ?? ctx.profile.defaultLevel,
    claims,
    required: [...new Set(parsed.data.required ?? [])],
    ...(parsed.data.purpose === undefined ? {} : { purpose: parsed.data.purpose }),
  };
}

/**
 * Scopes for a request: the profile's, the configured extras, each attribute's own scope,
 * and the profile's grouped fallback scopes when the attributes cannot be named in the
 * `claims` parameter (`byName` false).
 */
export function scopesFor(
  ctx: RpContext,
  claims: readonly AttributeName[],
  byName = false,
): string {
  const scopes = new Set<string>(['openid', ...ctx.profile.scopes, ...ctx.options.scopes]);
  for (const claim of claims) {
    for (const scope of ctx.profile.attributeScopes[claim] ?? []) scopes.add(scope);
    if (!byName) for (const scope of ctx.profile.fallbackScopes?.[claim] ?? []) scopes.add(scope);
  }
  return [...scopes].join(' ');
}

/** Whether this login names its attributes in the `claims` request parameter. */
export function namesAttributes(
  ctx: RpContext,
  metadata: Readonly<Record<string, unknown>>,
): boolean {
  return (
    ctx.profile.protocol === undefined &&
    (ctx.profile.claimsParameter ?? 'when_supported') === 'when_supported' &&
    metadata.claims_parameter_supported === true
  );
}

/**
 * The OpenID Connect `claims` request parameter (Core §5.5) naming each attribute, with
 * `essential: true` for required ones and the login's `purpose` beside each (OpenID Connect
 * for Identity Assurance §6.1, so the provider's consent screen can show why), in userinfo
 * (or the ID token when the profile never calls userinfo); undefined when nothing is asked for.
 */
export function claimsParameter(ctx: RpContext, request: LoginRequest): string | undefined {
  if (request.claims.length === 0) return undefined;
  const required = new Set(request.required);
  const purpose = request.purpose === undefined ? {} : { purpose: request.purpose };
  const members: Record<string, { essential?: true; purpose?: string } | null> = {};
  for (const attribute of request.claims) {
    const name = ctx.profile.claimNames?.[attribute] ?? STANDARD_CLAIM_NAMES[attribute];
    const member = { ...(required.has(attribute) ? { essential: true as const } : {}), ...purpose };
    members[name] = Object.keys(member).length === 0 ? null : member;
  }
  const target = ctx.profile.userinfo === 'never' ? 'id_token' : 'userinfo';
  return JSON.stringify({ [target]: members });
}

/** `acr_values` for a level, or undefined for level 0. */
export function acrParameter(ctx: RpContext, level: AssuranceLevel): string | undefined {
  const values = acrValuesFor(ctx.profile, level);
  return values.length === 0 ? undefined : values.join(' ');
}
