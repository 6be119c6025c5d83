/**
 * Internal: reading free text from the wire. Tolerant (string or number, any Unicode
 * normalisation form, stray spaces), strict in what it returns (NFC, trimmed, single
 * spaces, no control characters, bounded length).
 */
import { invalid } from './fail';

// C0/C1 control characters (tabs and newlines are folded into spaces first).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Longest free-text value accepted (names, ethnicity, hometown, one address). */
export const MAX_TEXT = 500;

/** Whether a wire value counts as absent: undefined, null, or a blank string. */
export function isAbsent(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** NFC, trimmed, whitespace runs folded to one space. Returns undefined for non-text. */
export function cleanText(value: unknown, max = MAX_TEXT): string | undefined {
  let raw: string;
  if (typeof value === 'string') raw = value;
  else if (typeof value === 'number' && Number.isFinite(value)) raw = String(value);
  else return undefined;
  if (raw.length > max * 4) return undefined;
  const out = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (out.length === 0 || out.length > max || CONTROL.test(out)) return undefined;
  return out;
}

/** Reads free text or throws `claims_invalid` at `path`. */
export function readText(
  value: unknown,
  path: string,
  what = 'non-empty text',
  max = MAX_TEXT,
): string {
  return cleanText(value, max) ?? invalid(path, what);
}

/** Digits only after removing spaces, dots and dashes; numbers are read as their digits. */
export function compactDigits(value: unknown, max = 40): string | undefined {
  let raw: string;
  if (typeof value === 'string') raw = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    raw = String(value);
  else return undefined;
  if (raw.length > max) return undefined;
  const out = raw.replace(/[\s.-]/g, '');
  return /^\d+$/.test(out) ? out : undefined;
}

/** Whether a value is a plain JSON-like object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a record (never an inherited one such as `constructor`). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Reads an optional field of a wire object: undefined when absent, else `read` at `path.key`. */
export function field<T>(
  record: Record<string, unknown>,
  key: string,
  path: string,
  read: (value: unknown, path: string) => T,
): T | undefined {
  const value = own(record, key);
  return isAbsent(value) ? undefined : read(value, `${path}.${key}`);
}

/** Drops undefined properties so optional fields are absent, not `undefined`. */
export function prune<T extends object>(value: { [K in keyof T]?: T[K] | undefined }): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = item;
  return out as T;
}
