/** Gender as the dialects write it: male/female, Nam/Nữ, 1/2 (portal `GioiTinh`). */
import { invalid } from './fail';

const GENDERS: Readonly<Record<string, 'male' | 'female'>> = {
  male: 'male',
  m: 'male',
  nam: 'male',
  '1': 'male',
  female: 'female',
  f: 'female',
  nữ: 'female',
  nu: 'female',
  '2': 'female',
};

/**
 * Reads a gender: `male`/`female`, `Nam`/`Nữ` (any case, any Unicode form), or the
 * portal's `1` (nam) / `2` (nữ) as string or number.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns `'male'` or `'female'`.
 * @throws DinhDanhError `claims_invalid` at `path` for anything else.
 * @example
 * ```ts
 * normalizeGender('Nữ'); // 'female'
 * normalizeGender(1); // 'male'
 * ```
 */
export function normalizeGender(value: unknown, path = 'gender'): 'male' | 'female' {
  const key =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string' && value.length <= 20
        ? value.normalize('NFC').trim().toLowerCase()
        : undefined;
  const gender = key === undefined || !Object.hasOwn(GENDERS, key) ? undefined : GENDERS[key];
  return gender ?? invalid(path, 'male/female, Nam/Nữ or 1/2');
}
