/** The personas a mock knows: built-ins plus validated custom ones. */
import { DinhDanhError } from '@dinhdanh/core';
import type { PageLocale, PersonaSummary } from '../page-models';
import { builtinPersonas } from './builtin';
import { personaInputSchema, type Persona, type PersonaInput } from './schema';

/** Validate persona inputs; a bad one is `config_invalid` naming the persona and field. */
export function loadPersonas(custom: readonly PersonaInput[], now: number = Date.now()): Persona[] {
  const byId = new Map<string, Persona>();
  // built-ins are checked against the schema by the test suite; parsing them at every
  // start would cost the CLI tens of milliseconds
  for (const input of builtinPersonas(now))
    byId.set(input.id, { ...input, locked: input.locked ?? false });
  for (const [i, input] of custom.entries()) {
    const parsed = personaInputSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw new DinhDanhError(
        'config_invalid',
        `personas.${i} "${String((input as { id?: unknown }).id)}": ${field}: ${issue?.message ?? 'invalid'}`,
        { path: `personas.${i}.${field}` },
      );
    }
    byId.set(parsed.data.id, parsed.data); // a custom persona replaces a built-in with the same id
  }
  return [...byId.values()];
}

/** Find a persona by id or by personal ID number (what `login_hint` may carry). */
export function findPersona(
  personas: readonly Persona[],
  hint: string | undefined,
): Persona | undefined {
  if (hint === undefined) return undefined;
  return personas.find(
    (p) => p.id === hint || (p.attributes.pid !== undefined && p.attributes.pid === hint),
  );
}

/** What a page shows about a persona, its description in the page's language. */
export function summarise(persona: Persona, locale: PageLocale = 'vi'): PersonaSummary {
  const description = persona.description?.[locale];
  return {
    id: persona.id,
    label:
      persona.label ??
      persona.attributes.name?.full ??
      persona.attributes.organisation?.name ??
      persona.id,
    level: persona.level,
    accountType: persona.accountType,
    locked: persona.locked,
    ...(description === undefined ? {} : { description }),
  };
}

/** Default `amr` by level when a persona does not say. */
export function amrOf(persona: Persona): string[] {
  return persona.amr ?? (persona.level >= 2 ? ['pwd', 'otp', 'face'] : ['pwd', 'otp']);
}
