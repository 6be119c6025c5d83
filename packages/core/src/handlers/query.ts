import { ATTRIBUTES, type AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import { DinhDanhError } from '../errors';
import type { Prompt } from '../rp/types';

function bad(path: string, message: string): DinhDanhError {
  return new DinhDanhError('input_invalid', message, { path });
}

/** `level`: 1 or 2. */
export function parseLevel(value: unknown): AssuranceLevel | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value === 1 || value === '1') return 1;
  if (value === 2 || value === '2') return 2;
  throw bad('level', '`level` must be 1 or 2.');
}

/** `claims`: attribute names, comma-separated or repeated (query) or an array (JSON). */
export function parseClaims(values: unknown): AttributeName[] | undefined {
  if (values === undefined || values === null) return undefined;
  const list = (Array.isArray(values) ? (values as unknown[]) : [values]).flatMap((value) =>
    typeof value === 'string' ? value.split(',') : [value],
  );
  const names = list
    .map((name) => (typeof name === 'string' ? name.trim() : name))
    .filter((n) => n !== '');
  if (names.length === 0) return undefined;
  if (names.length > 50) throw bad('claims', 'Too many `claims`.');
  return names.map((name) => {
    if (typeof name !== 'string' || !Object.hasOwn(ATTRIBUTES, name)) {
      throw bad('claims', '`claims` must name known attributes (see ATTRIBUTE_NAMES).');
    }
    return name as AttributeName;
  });
}

/** `purpose`: free text, at most 500 characters. */
export function parsePurpose(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 500) {
    throw bad('purpose', '`purpose` must be text of at most 500 characters.');
  }
  return value;
}

const PROMPTS: readonly Prompt[] = ['none', 'login', 'consent', 'select_account'];

/** `prompt`: one OpenID Connect prompt value. */
export function parsePrompt(value: string | null): Prompt | undefined {
  if (value === null || value === '') return undefined;
  const prompt = PROMPTS.find((candidate) => candidate === value);
  if (prompt === undefined)
    throw bad('prompt', '`prompt` must be none, login, consent or select_account.');
  return prompt;
}

/** `locale`: a short language tag such as `vi` or `en`. */
export function parseLocale(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(value))
    throw bad('locale', '`locale` must be a language tag such as vi or en.');
  return value;
}
