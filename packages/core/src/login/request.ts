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
import type { RpContext } from '../rp/context';

const attributeSchema = z.enum(ATTRIBUTE_NAMES as [AttributeName, ...AttributeName[]]);

/** Schema of the options common to every login. */
export const loginRequestSchema = z.object({
  level: z.optional(z.union([z.literal(0), z.literal(1), z.literal(2)])),
  claims: z.optional(z.array(attributeSchema).check(z.maxLength(ATTRIBUTE_NAMES.length))),
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
  const claims = [...new Set([...(parsed.data.claims ?? []), ...(parsed.data.required ?? [])])];
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

/** Scopes for a request: the profile's, the configured extras, and those of each attribute. */
export function scopesFor(ctx: RpContext, claims: readonly AttributeName[]): string {
  const scopes = new Set<string>(['openid', ...ctx.profile.scopes, ...ctx.options.scopes]);
  for (const claim of claims)
    for (const scope of ctx.profile.attributeScopes[claim] ?? []) scopes.add(scope);
  return [...scopes].join(' ');
}

/** `acr_values` for a level, or undefined for level 0. */
export function acrParameter(ctx: RpContext, level: AssuranceLevel): string | undefined {
  const values = acrValuesFor(ctx.profile, level);
  return values.length === 0 ? undefined : values.join(' ');
}
