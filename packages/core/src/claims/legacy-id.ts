/** The 9-digit legacy identity card number (CMND), invalid since 2025 but still carried. */
import { invalid } from './fail';
import { compactDigits } from './text';

/**
 * Whether a value is a 9-digit legacy CMND number. Never throws.
 *
 * @param value - anything.
 * @returns true for a string of exactly 9 digits.
 */
export function isValidLegacyId(value: unknown): boolean {
  return typeof value === 'string' && /^\d{9}$/.test(value);
}

/**
 * Reads a legacy CMND number (spaces, dots, dashes ignored; a number is zero-padded).
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the 9 digits.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not 9 digits.
 * @example
 * ```ts
 * normalizeLegacyId('012 345 678'); // '012345678'
 * ```
 */
export function normalizeLegacyId(value: unknown, path = 'legacyId'): string {
  let digits = compactDigits(value);
  if (digits !== undefined && typeof value === 'number' && digits.length < 9) {
    digits = digits.padStart(9, '0');
  }
  if (digits === undefined || !isValidLegacyId(digits)) {
    return invalid(path, 'a 9-digit legacy ID card (CMND) number');
  }
  return digits;
}
