/**
 * Tax codes (mã số thuế): 10 digits, 10 digits + `-` + 3 digits for a branch or dependent
 * unit, or — since July 2025 — a citizen's 12-digit personal ID number.
 */
import { invalid } from './fail';
import { isValidPid } from './pid';

/**
 * Whether a value is a tax code in canonical form. Never throws.
 *
 * @param value - anything.
 * @returns true for `0101234567`, `0101234567-001` or a valid personal ID number.
 */
export function isValidTaxCode(value: unknown): boolean {
  return typeof value === 'string' && (/^\d{10}(-\d{3})?$/.test(value) || isValidPid(value));
}

/**
 * Reads a tax code; spaces are ignored and a 13-digit code gets its `-` back.
 *
 * @param value - the wire value (string, or a number that kept all its digits).
 * @param path - the wire field, named in errors.
 * @returns the canonical tax code.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a tax code.
 * @example
 * ```ts
 * normalizeTaxCode('0101234567001'); // '0101234567-001'
 * ```
 */
export function normalizeTaxCode(value: unknown, path = 'taxCode'): string {
  let text =
    typeof value === 'string' && value.length <= 40
      ? value.replace(/\s/g, '')
      : typeof value === 'number' && Number.isSafeInteger(value) && value > 0
        ? String(value)
        : '';
  if (/^\d{13}$/.test(text)) text = `${text.slice(0, 10)}-${text.slice(10)}`;
  return isValidTaxCode(text)
    ? text
    : invalid(path, 'a tax code of 10 digits, 10-3 digits, or a 12-digit personal ID number');
}
