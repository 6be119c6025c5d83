/**
 * Which attributes an authorization request asks for: from scopes (OIDC Core §5.4, the
 * grouped `vn_*` scopes of core's `oidc()` profile, and one `vn_*` scope per attribute) and
 * from the `claims` parameter (§5.5), where `essential: true` makes an attribute required on
 * the consent screen. The portal dialects (vneid-sso, dvcqg, postid) hand over the whole
 * record, as those providers do: every non-sensitive attribute is offered on the consent
 * screen, and sensitive ones only when a scope or the `claims` parameter names them.
 */
import {
  ATTRIBUTES,
  ATTRIBUTE_NAMES,
  type AssuranceLevel,
  type AttributeName,
} from '@dinhdanh/core';
import { DIALECTS } from '../dialects';
import type { Dialect } from '../options';
import type { ClaimsRequest, RequestedAttribute } from '../store/types';

const SCOPE_ATTRIBUTES: Record<string, readonly AttributeName[]> = {
  profile: ['name', 'birthdate', 'gender'],
  email: ['email'],
  phone: ['phone'],
  address: ['address'],
  // the groups core's oidc() profile asks for
  vn_identity: ['pid', 'legacyId', 'nationality', 'ethnicity', 'hometown', 'foreignerId'],
  vn_documents: ['passport', 'drivingLicence', 'vehicleRegistrations'],
  vn_tax: ['taxCode'],
  vn_insurance: ['socialInsurance', 'healthInsurance'],
};

/** `vn_pid`, `vn_driving_licence`... : one scope per attribute. */
export function attributeScope(attribute: AttributeName): string {
  return `vn_${attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;
}

const ATTRIBUTE_BY_SCOPE = new Map(ATTRIBUTE_NAMES.map((a) => [attributeScope(a), a]));

const WHOLE_RECORD = ATTRIBUTE_NAMES.filter((a) => !ATTRIBUTES[a].sensitive);

/** Every scope the mock understands. */
export const SUPPORTED_SCOPES = [
  ...new Set([
    'openid',
    'offline_access',
    ...Object.keys(SCOPE_ATTRIBUTES),
    ...ATTRIBUTE_NAMES.map(attributeScope),
  ]),
];

const CLAIM_NAMES = new Map<Dialect, Readonly<Record<string, AttributeName>>>();

/** The claim names a dialect understands (its own over the standard ones), merged once. */
function claimNamesOf(dialect: Dialect): Readonly<Record<string, AttributeName>> {
  let names = CLAIM_NAMES.get(dialect);
  if (names === undefined) {
    names = { ...DIALECTS.standard.claimNames, ...DIALECTS[dialect].claimNames };
    CLAIM_NAMES.set(dialect, names);
  }
  return names;
}

/** The attributes a request asks for, required first, in catalogue order. */
export function requestedAttributes(
  scope: readonly string[],
  claims: ClaimsRequest | undefined,
  dialect: Dialect,
): RequestedAttribute[] {
  const required = new Set<AttributeName>();
  // Sensitive attributes (portrait, documents, insurance...) only when asked for by name.
  const optional = new Set<AttributeName>(dialect === 'standard' ? [] : WHOLE_RECORD);
  for (const s of scope) {
    for (const a of SCOPE_ATTRIBUTES[s] ?? []) optional.add(a);
    const single = ATTRIBUTE_BY_SCOPE.get(s);
    if (single !== undefined) optional.add(single);
  }
  const names = claimNamesOf(dialect);
  for (const target of [claims?.id_token, claims?.userinfo]) {
    for (const [claim, spec] of Object.entries(target ?? {})) {
      const attribute = names[claim];
      if (attribute === undefined) continue;
      if (spec?.essential === true) required.add(attribute);
      else optional.add(attribute);
    }
  }
  return ATTRIBUTE_NAMES.filter((a) => required.has(a) || optional.has(a)).map((attribute) => ({
    attribute,
    required: required.has(attribute),
  }));
}

/** The lowest level among the acr values the dialect knows (the client accepts any of them). */
export function requestedLevel(
  acrValues: readonly string[],
  claims: ClaimsRequest | undefined,
  dialect: Dialect,
): AssuranceLevel | undefined {
  const acrClaim = claims?.id_token?.acr;
  const fromClaim = [
    ...(typeof acrClaim?.value === 'string' ? [acrClaim.value] : []),
    ...(acrClaim?.values ?? []).filter((v): v is string => typeof v === 'string'),
  ];
  const levels = [...acrValues, ...fromClaim]
    .map((acr) => DIALECTS[dialect].level(acr) ?? DIALECTS.standard.level(acr))
    .filter((l): l is AssuranceLevel => l !== undefined);
  if (levels.length === 0) return undefined;
  return Math.min(...levels) as AssuranceLevel;
}
