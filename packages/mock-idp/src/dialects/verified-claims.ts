/**
 * OpenID Connect for Identity Assurance 1.0: a level-2 persona's identity claims wrapped in
 * `verified_claims` (standard dialect, clients with `verifiedClaims: true`).
 */
import type { MockClient } from '../options';
import type { Persona } from '../personas/schema';

/** Claims that stay outside `verified_claims`. */
const PLAIN = new Set([
  'sub',
  'vn_account_type',
  'email',
  'email_verified',
  'phone_number',
  'phone_number_verified',
]);

/** Wrap identity claims in `verified_claims` when the client asked for it and the persona is level 2. */
export function withVerifiedClaims(
  claims: Record<string, unknown>,
  persona: Persona,
  client: MockClient,
): Record<string, unknown> {
  if (!client.verifiedClaims || client.dialect !== 'standard' || persona.level !== 2) return claims;
  const plain: Record<string, unknown> = {};
  const verified: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(claims))
    (PLAIN.has(name) ? plain : verified)[name] = value;
  if (Object.keys(verified).length === 0) return claims;
  return {
    ...plain,
    verified_claims: {
      verification: { trust_framework: 'vn_vneid', assurance_level: '2' },
      claims: verified,
    },
  };
}
