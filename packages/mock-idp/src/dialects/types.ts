/** How a dialect writes a persona's claims on the wire (helpers/DIALECTS.md). */
import type { AssuranceLevel, AttributeName } from '@dinhdanh/core';
import type { Dialect } from '../options';
import type { Persona } from '../personas/schema';

/** A claim dialect: acr values, claims and the names a `claims` request may use. */
export interface DialectWriter {
  readonly name: Dialect;
  /** The `acr` value for a level. */
  acr(level: AssuranceLevel): string;
  /** The level of an `acr` value, or undefined when the dialect does not know it. */
  level(acr: string): AssuranceLevel | undefined;
  /** Claims always in the ID token besides the protocol ones (e.g. `preferred_username`). */
  idTokenExtras(persona: Persona, granted: ReadonlySet<AttributeName>): Record<string, unknown>;
  /** Claims about the account always in userinfo (account type, level). */
  accountClaims(persona: Persona): Record<string, unknown>;
  /** The claims of the granted attributes the persona has. */
  claims(persona: Persona, granted: ReadonlySet<AttributeName>): Record<string, unknown>;
  /** Wire claim name → attribute, to read a `claims` request parameter. */
  readonly claimNames: Readonly<Record<string, AttributeName>>;
}

/** Level from an acr table. */
export function levelFromTable(
  table: Record<AssuranceLevel, string>,
  acr: string,
): AssuranceLevel | undefined {
  for (const level of [0, 1, 2] as const) if (table[level] === acr) return level;
  return undefined;
}

/** Copy only the defined values (claims with no value are left out, never `null`). */
export function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined));
}
