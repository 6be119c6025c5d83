/**
 * The 12-digit personal ID number (số định danh cá nhân, Circular 07/2016/TT-BCA):
 * digits 1-3 the province of birth registration, digit 4 century and gender, digits 5-6
 * the last two digits of the birth year, digits 7-12 random.
 */
import { DinhDanhError } from '../errors';
import { invalid } from './fail';
import { LEGACY_PROVINCES } from './provinces.data';
import { compactDigits } from './text';

/** A province code that can open a personal ID number, with its 2025 successor. */
export interface PidProvince {
  /** Three-digit code, `001` (Hà Nội) to `096` (Cà Mau). */
  readonly code: string;
  /** The province's name when the code was assigned (one of the 63 pre-2025 provinces). */
  readonly name: string;
  /** The province that absorbed it in the July 2025 merger (one of 34). */
  readonly province2025: string;
}

/** What the structure of a personal ID number says about its holder. */
export interface PidInfo {
  /** Province of birth registration. */
  province: PidProvince;
  /** First year of the birth century: 1900, 2000, 2100, 2200 or 2300. */
  century: number;
  /** Gender encoded in digit 4 (even = male, odd = female). */
  gender: 'male' | 'female';
  /** Birth year: century + digits 5-6. */
  birthYear: number;
}

const PROVINCES = new Map<string, PidProvince>(LEGACY_PROVINCES.map((p) => [p.code, p]));

/**
 * Whether a value is a structurally valid personal ID number: a string of 12 digits whose
 * first three are a province code. Never throws.
 *
 * @param value - anything.
 * @returns true for a valid 12-digit personal ID number.
 * @example
 * ```ts
 * isValidPid('001090012345'); // true
 * isValidPid('999090012345'); // false: no province 999
 * ```
 */
export function isValidPid(value: unknown): boolean {
  return typeof value === 'string' && /^\d{12}$/.test(value) && PROVINCES.has(value.slice(0, 3));
}

/**
 * Reads the province, century, gender and birth year encoded in a personal ID number.
 *
 * @param pid - a 12-digit personal ID number.
 * @returns what its structure says.
 * @throws DinhDanhError `pid_invalid` if it is not a valid personal ID number (the message
 * never contains the number).
 * @example
 * ```ts
 * describePid('001090012345');
 * // { province: { code: '001', name: 'Hà Nội', province2025: 'Hà Nội' },
 * //   century: 1900, gender: 'male', birthYear: 1990 }
 * ```
 */
export function describePid(pid: string): PidInfo {
  if (!isValidPid(pid)) {
    throw new DinhDanhError(
      'pid_invalid',
      'Not a valid personal ID number: expected 12 digits starting with a province code (001-096).',
      { path: 'pid' },
    );
  }
  const province = PROVINCES.get(pid.slice(0, 3)) as PidProvince;
  const centuryDigit = Number(pid[3]);
  const century = 1900 + Math.floor(centuryDigit / 2) * 100;
  return {
    province: { code: province.code, name: province.name, province2025: province.province2025 },
    century,
    gender: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(pid.slice(4, 6)),
  };
}

/**
 * Whether a personal ID number agrees with a birth date and a gender (each checked only
 * when given). A structurally invalid number never matches.
 *
 * @param pid - a 12-digit personal ID number.
 * @param facts - ISO birth date (`YYYY-MM-DD`) and/or gender.
 * @returns true when every given fact matches the number's structure.
 * @example
 * ```ts
 * pidMatches('001090012345', { birthdate: '1990-05-17', gender: 'male' }); // true
 * pidMatches('001090012345', { gender: 'female' }); // false
 * ```
 */
export function pidMatches(
  pid: string,
  facts: { birthdate?: string | undefined; gender?: 'male' | 'female' | undefined },
): boolean {
  if (!isValidPid(pid)) return false;
  const info = describePid(pid);
  if (facts.gender !== undefined && facts.gender !== info.gender) return false;
  if (facts.birthdate !== undefined && Number(facts.birthdate.slice(0, 4)) !== info.birthYear) {
    return false;
  }
  return true;
}

/**
 * Reads a personal ID number from the wire: a string (spaces, dots, dashes ignored) or a
 * number that lost its leading zeros to JSON.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the 12-digit number.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not a valid personal ID number.
 * @example
 * ```ts
 * normalizePid('001 090 012 345'); // '001090012345'
 * ```
 */
export function normalizePid(value: unknown, path = 'pid'): string {
  let digits = compactDigits(value);
  if (digits !== undefined && typeof value === 'number' && digits.length < 12) {
    digits = digits.padStart(12, '0');
  }
  if (digits === undefined || !isValidPid(digits)) {
    return invalid(path, 'a 12-digit personal ID number starting with a province code');
  }
  return digits;
}
