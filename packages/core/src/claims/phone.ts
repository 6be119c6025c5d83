/**
 * Phone numbers, normalised to E.164. Vietnamese numbers are checked: mobiles have ten
 * digits with the trunk 0 (03x, 05x, 07x, 08x, 09x), landlines eleven (02x).
 */
import { invalid } from './fail';

const VN_MOBILE = /^[35789]\d{8}$/;
const VN_LANDLINE = /^2\d{9}$/;

/**
 * Whether a value is a phone number in E.164 that this SDK accepts: a valid Vietnamese
 * mobile or landline after `+84`, or another country's number of 8-15 digits. Never throws.
 *
 * @param value - anything.
 * @returns true for e.g. `+84912345678`.
 */
export function isE164Phone(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\+[1-9]\d{7,14}$/.test(value)) return false;
  if (!value.startsWith('+84')) return true;
  const national = value.slice(3);
  return VN_MOBILE.test(national) || VN_LANDLINE.test(national);
}

/**
 * Reads a phone number: Vietnamese in national (`0912 345 678`), `84…` or `+84…` form,
 * with spaces, dots, dashes or parentheses; or any E.164 number with `+`.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the number in E.164 (`+84912345678`).
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a valid phone number.
 * @example
 * ```ts
 * normalizePhone('0912.345.678'); // '+84912345678'
 * normalizePhone('84 912 345 678'); // '+84912345678'
 * ```
 */
export function normalizePhone(value: unknown, path = 'phone'): string {
  const raw =
    typeof value === 'string' && value.length <= 40
      ? value.trim()
      : typeof value === 'number' && Number.isSafeInteger(value) && value > 0
        ? String(value)
        : undefined;
  const compact = raw?.replace(/[\s.()-]/g, '');
  let e164: string | undefined;
  if (compact !== undefined && /^\+?\d+$/.test(compact)) {
    if (compact.startsWith('+')) e164 = compact;
    else if (compact.startsWith('0')) e164 = `+84${compact.slice(1)}`;
    else if (compact.startsWith('84') && compact.length >= 11) e164 = `+${compact}`;
    // A number that lost its trunk 0 to JSON: 912345678.
    else if (typeof value === 'number' && (compact.length === 9 || compact.length === 10)) {
      e164 = `+84${compact}`;
    }
  }
  // "+84 (0)912…": the trunk 0 written after the country code.
  if (e164?.startsWith('+840') === true) e164 = `+84${e164.slice(4)}`;
  if (e164 === undefined || !isE164Phone(e164)) {
    return invalid(path, 'a Vietnamese phone number (0xxxxxxxxx or +84…) or an E.164 number');
  }
  return e164;
}
