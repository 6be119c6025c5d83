/**
 * Numbers of the documents integrated in a level-2 e-identity: social insurance (BHXH),
 * health insurance card (BHYT), driving licence, vehicle plates, passports.
 */
import { invalid } from './fail';
import { compactDigits } from './text';

/** Driving licence classes: the 2008 law's and those of the 2024 road traffic law. */
export const LICENCE_CLASSES = [
  'A1', 'A2', 'A3', 'A4', 'A', 'B1', 'B2', 'B', 'C1', 'C', 'D1', 'D2', 'D', 'E',
  'BE', 'C1E', 'CE', 'D1E', 'D2E', 'DE', 'FB2', 'FC', 'FD', 'FE',
] as const; // prettier-ignore

const CLASSES = new Set<string>(LICENCE_CLASSES);

/**
 * Whether a value is one of the driving licence classes in {@link LICENCE_CLASSES}.
 *
 * @param value - anything.
 * @returns true for e.g. `B2`.
 */
export function isLicenceClass(value: unknown): boolean {
  return typeof value === 'string' && CLASSES.has(value);
}

/**
 * Reads a social insurance number (mã số BHXH): 10 digits.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the 10 digits.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeSocialInsuranceNumber(value: unknown, path = 'socialInsurance'): string {
  let digits = compactDigits(value);
  if (digits !== undefined && typeof value === 'number') digits = digits.padStart(10, '0');
  return digits !== undefined && /^\d{10}$/.test(digits)
    ? digits
    : invalid(path, 'a 10-digit social insurance number');
}

/**
 * Whether a value is a health insurance card number: the old 15-character card (2 letters
 * then 13 digits, e.g. `DN4790123456789`) or the 10-digit number. Never throws.
 *
 * @param value - anything.
 * @returns true for a card number in canonical (upper-case) form.
 */
export function isValidHealthInsuranceNumber(value: unknown): boolean {
  return typeof value === 'string' && /^(?:[A-Z]{2}\d{13}|\d{10})$/.test(value);
}

/**
 * Reads a health insurance card number (thẻ BHYT); spaces and dashes ignored, letters
 * upper-cased.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the card number.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeHealthInsuranceNumber(value: unknown, path = 'healthInsurance'): string {
  const text =
    typeof value === 'string' && value.length <= 40
      ? value.replace(/[\s-]/g, '').toUpperCase()
      : typeof value === 'number'
        ? (compactDigits(value)?.padStart(10, '0') ?? '')
        : '';
  return isValidHealthInsuranceNumber(text)
    ? text
    : invalid(path, 'a health insurance card number (2 letters + 13 digits, or 10 digits)');
}

/**
 * Reads a driving licence number: 12 digits.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the 12 digits.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeDrivingLicenceNumber(value: unknown, path = 'drivingLicence'): string {
  let digits = compactDigits(value);
  if (digits !== undefined && typeof value === 'number') digits = digits.padStart(12, '0');
  return digits !== undefined && /^\d{12}$/.test(digits)
    ? digits
    : invalid(path, 'a 12-digit driving licence number');
}

/**
 * Reads driving licence classes from an array or a comma/space separated list; upper-cased,
 * de-duplicated, each one of {@link LICENCE_CLASSES}.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns at least one class.
 * @throws DinhDanhError `claims_invalid` at `path` for an empty list or an unknown class.
 * @example
 * ```ts
 * normalizeLicenceClasses('a1, b2'); // ['A1', 'B2']
 * ```
 */
export function normalizeLicenceClasses(value: unknown, path = 'drivingLicence.classes'): string[] {
  const items =
    typeof value === 'string' && value.length <= 200
      ? value.split(/[\s,;]+/)
      : Array.isArray(value) && value.length <= 30
        ? value
        : undefined;
  if (items === undefined) return invalid(path, 'a list of driving licence classes');
  const out: string[] = [];
  for (const item of items) {
    if (item === '') continue;
    const cls = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (!CLASSES.has(cls))
      return invalid(path, `driving licence classes among ${LICENCE_CLASSES.join(', ')}`);
    if (!out.includes(cls)) out.push(cls);
  }
  return out.length > 0 ? out : invalid(path, 'at least one driving licence class');
}

/**
 * Whether a value is a vehicle plate in canonical form: province code, series (1-2 letters,
 * optionally a digit), `-`, then `123.45` or `1234`. Never throws.
 *
 * @param value - anything.
 * @returns true for e.g. `30A-123.45`, `29H1-123.45`, `51F-1234`.
 */
export function isValidVehiclePlate(value: unknown): boolean {
  return typeof value === 'string' && /^\d{2}[A-Z]{1,2}\d?-(?:\d{3}\.\d{2}|\d{4})$/.test(value);
}

/**
 * Reads a vehicle plate (`30A-123.45`, `29H1-123.45`, `30A12345`, `29-H1 123.45`), case and
 * separators tolerated, and returns its canonical form.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns e.g. `30A-123.45`.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeVehiclePlate(value: unknown, path = 'vehicleRegistrations'): string {
  const text = typeof value === 'string' && value.length <= 30 ? value.trim().toUpperCase() : '';
  // With a separator after the series, it decides; without, 6 trailing digits mean a
  // series digit (motorbikes) and 4 or 5 mean none (cars).
  const split = /^(\d{2})[\s-]?([A-Z]{1,2}\d?)[\s-]+(\d{3}\.?\d{2}|\d{4})$/.exec(text);
  let parts: [string, string, string] | undefined;
  if (split !== null) parts = [split[1] ?? '', split[2] ?? '', (split[3] ?? '').replace('.', '')];
  else {
    const bare = /^(\d{2})([A-Z]{1,2})(\d{4,6})$/.exec(text.replace(/\s/g, ''));
    const trailing = bare?.[3] ?? '';
    if (bare !== null && trailing.length === 6) {
      parts = [bare[1] ?? '', `${bare[2] ?? ''}${trailing[0] ?? ''}`, trailing.slice(1)];
    } else if (bare !== null) parts = [bare[1] ?? '', bare[2] ?? '', trailing];
  }
  if (parts !== undefined) {
    const [province, series, digits] = parts;
    const plate = `${province}${series}-${digits.length === 5 ? `${digits.slice(0, 3)}.${digits.slice(3)}` : digits}`;
    if (isValidVehiclePlate(plate)) return plate;
  }
  return invalid(path, 'a vehicle plate such as 30A-123.45');
}

/**
 * Reads a passport or foreigner ID number: 5-20 letters and digits, upper-cased.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the number.
 * @throws DinhDanhError `claims_invalid` at `path` otherwise.
 */
export function normalizeDocumentNumber(value: unknown, path = 'passport.number'): string {
  const text =
    typeof value === 'string' && value.length <= 40
      ? value.replace(/\s/g, '').toUpperCase()
      : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
        ? String(value)
        : '';
  return /^[A-Z0-9]{5,20}$/.test(text) ? text : invalid(path, '5-20 letters and digits');
}
