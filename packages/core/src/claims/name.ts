/**
 * Vietnamese personal names: family name first, given name last, any middle names between
 * (họ, chữ đệm, tên). Stored in Unicode NFC.
 */
import { DinhDanhError } from '../errors';
import { invalid } from './fail';
import type { PersonName } from './identity';
import { cleanText } from './text';

const MAX_NAME = 200;
// Letters of any script with their combining marks; apostrophes, hyphens and dots occur in
// foreigners' names.
const NAME = /^[\p{L}\p{M}]+(?:[ '’.-]+[\p{L}\p{M}]+)*\.?$/u;

/** A Vietnamese full name split into its parts. */
export interface VietnameseNameParts {
  /** Family name (họ), the first word. */
  family: string;
  /** Middle names (chữ đệm), the words between, when there are any. */
  middle?: string;
  /** Given name (tên), the last word. */
  given: string;
}

/**
 * Cleans a name: Unicode NFC, trimmed, single spaces; letters only (with `'`, `-`, `.`).
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the cleaned name.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a name.
 * @example
 * ```ts
 * normalizeName('  Nguyễn   Văn  An '); // 'Nguyễn Văn An'
 * ```
 */
export function normalizeName(value: unknown, path = 'name'): string {
  const text = cleanText(value, MAX_NAME);
  if (text === undefined || typeof value !== 'string' || !NAME.test(text)) {
    return invalid(path, 'a person name (letters and spaces)');
  }
  return text;
}

/**
 * Splits a Vietnamese full name: the first word is the family name, the last the given
 * name, the rest middle names. Use it instead of a provider's `given_name`, which at least
 * one deployment filled with the family name.
 *
 * @param full - a full name of at least two words.
 * @returns its parts.
 * @throws DinhDanhError `input_invalid` if the name is not valid or has a single word.
 * @example
 * ```ts
 * splitVietnameseName('Nguyễn Thị Minh Khai');
 * // { family: 'Nguyễn', middle: 'Thị Minh', given: 'Khai' }
 * ```
 */
export function splitVietnameseName(full: string): VietnameseNameParts {
  const text = cleanText(full, MAX_NAME);
  const words = text !== undefined && NAME.test(text) ? text.split(' ') : [];
  const family = words[0];
  const given = words[words.length - 1];
  if (words.length < 2 || family === undefined || given === undefined) {
    throw new DinhDanhError(
      'input_invalid',
      'Pass a full name of at least two words (family name first, given name last).',
      { path: 'name' },
    );
  }
  const middle = words.slice(1, -1).join(' ');
  return middle === '' ? { family, given } : { family, middle, given };
}

/**
 * Reads a full name into a {@link PersonName}. Vietnamese names of two words or more are
 * split (family, middle, given); with `split: false` (foreigners, whose names follow
 * other orders) or a one-word name only `full` is set.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @param options - `split` (default true): split in Vietnamese order.
 * @returns the name.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a name.
 */
export function toPersonName(
  value: unknown,
  path = 'name',
  options: { split?: boolean } = {},
): PersonName {
  const full = normalizeName(value, path);
  if (options.split === false || !full.includes(' ')) return { full };
  return { full, ...splitVietnameseName(full) };
}
