/** Calendar dates from the wire formats of every dialect, normalised to ISO 8601. */
import { invalid } from './fail';

const FORMATS: readonly { re: RegExp; order: readonly [number, number, number] }[] = [
  { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: [1, 2, 3] }, // YYYY-MM-DD
  { re: /^(\d{4})(\d{2})(\d{2})$/, order: [1, 2, 3] }, // YYYYMMDD
  { re: /^(\d{2})\/(\d{2})\/(\d{4})$/, order: [3, 2, 1] }, // dd/MM/yyyy
  { re: /^(\d{2})(\d{2})(\d{4})$/, order: [3, 2, 1] }, // ddMMyyyy
];

/** Years a date in an e-identity can have (the personal ID number's centuries). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2399;

function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Parses a date in one of the formats the dialects use, or returns undefined. Never throws.
 * `YYYYMMDD` is tried before `ddMMyyyy`; a string valid in both is read as `YYYYMMDD`.
 *
 * @param value - a string (or a number, read as its digits).
 * @param formats - restrict to these formats (default: all four).
 * @returns the ISO date `YYYY-MM-DD`, or undefined.
 */
export function parseDate(
  value: unknown,
  formats: readonly ('YYYY-MM-DD' | 'YYYYMMDD' | 'dd/MM/yyyy' | 'ddMMyyyy')[] = [
    'YYYY-MM-DD',
    'YYYYMMDD',
    'dd/MM/yyyy',
    'ddMMyyyy',
  ],
): string | undefined {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) {
    text = String(value);
  } else return undefined;
  if (text.length > 10) return undefined;
  const names = ['YYYY-MM-DD', 'YYYYMMDD', 'dd/MM/yyyy', 'ddMMyyyy'] as const;
  for (const [index, { re, order }] of FORMATS.entries()) {
    if (!formats.includes(names[index] ?? 'YYYY-MM-DD')) continue;
    const match = re.exec(text);
    if (match === null) continue;
    const iso = isoOf(Number(match[order[0]]), Number(match[order[1]]), Number(match[order[2]]));
    if (iso !== undefined) return iso;
  }
  return undefined;
}

/**
 * Reads a calendar date in `YYYY-MM-DD`, `YYYYMMDD`, `dd/MM/yyyy` or `ddMMyyyy` (real
 * calendar: no 30 February; years 1900-2399) and returns it as ISO `YYYY-MM-DD`.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the ISO date.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a real date in those formats.
 * @example
 * ```ts
 * normalizeDate('17/05/1990'); // '1990-05-17'
 * normalizeDate('19900517'); // '1990-05-17'
 * ```
 */
export function normalizeDate(value: unknown, path = 'date'): string {
  return (
    parseDate(value) ?? invalid(path, 'a real date as YYYY-MM-DD, YYYYMMDD, dd/MM/yyyy or ddMMyyyy')
  );
}
