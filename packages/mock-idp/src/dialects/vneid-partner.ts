/**
 * `vneid-partner` (DOMAIN.md dialect 5): no ID token; the identity comes from userinfo in
 * the camelCase names of vneid-sso (helpers/DIALECTS.md §5), the level from `accountLevel`.
 */
import { ATTRIBUTE_NAMES, isSensitiveAttribute, type AttributeName } from '@dinhdanh/core';
import type { DialectWriter } from './types';
import { vneidSsoDialect } from './vneid-sso';
import type { Persona } from '../personas/schema';

/** The vneid-partner dialect: vneid-sso's names, no ID-token claims. */
export const vneidPartnerDialect: DialectWriter = {
  ...vneidSsoDialect,
  name: 'vneid-partner',
  idTokenExtras: () => ({}),
};

/**
 * What the partner userinfo shares: the request has only `scope=openid`, so the provider
 * decides. Every non-sensitive attribute of the persona, plus the sensitive ones granted.
 */
export function partnerShared(granted: readonly AttributeName[]): Set<AttributeName> {
  return new Set([...ATTRIBUTE_NAMES.filter((a) => !isSensitiveAttribute(a)), ...granted]);
}

/** The userinfo body of a partner login (no `sub`: the subject is `citizenPid`). */
export function partnerUserinfoClaims(
  persona: Persona,
  granted: readonly AttributeName[],
): Record<string, unknown> {
  return {
    ...vneidPartnerDialect.accountClaims(persona),
    ...vneidPartnerDialect.claims(persona, partnerShared(granted)),
  };
}
