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

/**
 * `login_hint`: who is expected to log in (for VNeID typically a personal ID number).
 * Printable ASCII without spaces, at most 128 characters. Never logged; errors never echo it.
 */
export function parseLoginHint(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[!-~]{1,128}$/.test(value)) {
    throw bad(
      'login_hint',
      '`login_hint` must be at most 128 printable characters without spaces (an ID number, e-mail or phone).',
    );
  }
  return value;
}
