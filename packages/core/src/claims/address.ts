/**
 * Addresses. Since July 2025 Vietnam has two administrative levels (34 provinces → wards
 * and communes); older records carry province → district → ward. Both shapes are kept.
 */
import { invalid } from './fail';
import type { Address } from './identity';
import { isCountryCode } from './nationality';
import { LEGACY_PROVINCES, PROVINCES_2025 } from './provinces.data';
import { cleanText, isRecord, own } from './text';

const MAX_ADDRESS = 500;
const DISTRICT = /^(quận|huyện|thị xã)\s/iu;
const WARD = /^(phường|xã|thị trấn|đặc khu)\s/iu;
const PROVINCE_PREFIX = /^(tỉnh|thành phố|tp\.?)\s*/iu;

const NAMES_2025 = new Set<string>(PROVINCES_2025.map((p) => p.toLowerCase()));
const NAMES_LEGACY = new Set<string>(LEGACY_PROVINCES.map((p) => p.name.toLowerCase()));

/** A province named only before the 2025 merger (e.g. `Hà Giang`) proves a legacy address. */
function isLegacyOnlyProvince(part: string): boolean {
  const name = part.replace(PROVINCE_PREFIX, '').toLowerCase();
  return NAMES_LEGACY.has(name) && !NAMES_2025.has(name);
}

function fromString(formatted: string): Address {
  const parts = formatted
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const province = parts[parts.length - 1];
  if (parts.length < 2 || province === undefined) return { shape: '2025', formatted };
  const beforeProvince = parts[parts.length - 2] ?? '';
  // By part count (street, ward, province = 2025; street, ward, district, province =
  // legacy), corrected by the administrative prefixes when the street itself has commas.
  let legacy = parts.length >= 4;
  if (legacy && WARD.test(beforeProvince)) legacy = false;
  if (!legacy && parts.length >= 3 && DISTRICT.test(beforeProvince)) legacy = true;
  if (!legacy && parts.length >= 3 && isLegacyOnlyProvince(province)) legacy = true;
  const levels = legacy ? 3 : 2;
  const admin = parts.slice(-levels);
  const street = parts.slice(0, -levels).join(', ');
  const ward = admin[0];
  const out: Address = { shape: legacy ? 'legacy' : '2025', formatted };
  if (street !== '') out.street = street;
  if (ward !== undefined) out.ward = ward;
  if (legacy && admin[1] !== undefined) out.district = admin[1];
  out.province = province;
  return out;
}

const FIELDS = ['street', 'ward', 'district', 'province'] as const;

function fromObject(value: Record<string, unknown>, path: string): Address {
  const out: Partial<Address> = {};
  for (const field of FIELDS) {
    const raw = own(value, field);
    if (raw === undefined || raw === null) continue;
    out[field] = cleanText(raw, MAX_ADDRESS) ?? invalid(`${path}.${field}`, 'non-empty text');
  }
  const shape = own(value, 'shape');
  if (shape !== undefined && shape !== '2025' && shape !== 'legacy') {
    return invalid(`${path}.shape`, '"2025" or "legacy"');
  }
  const country = own(value, 'country');
  if (country !== undefined && country !== null) {
    const code = typeof country === 'string' ? country.toUpperCase() : undefined;
    if (!isCountryCode(code)) return invalid(`${path}.country`, 'an ISO 3166-1 alpha-2 code');
    out.country = code;
  }
  const rawFormatted = own(value, 'formatted');
  const composed = FIELDS.map((f) => out[f])
    .filter((p) => p !== undefined)
    .join(', ');
  const formatted =
    rawFormatted === undefined || rawFormatted === null
      ? composed || invalid(`${path}.formatted`, 'a formatted address')
      : (cleanText(rawFormatted, MAX_ADDRESS) ?? invalid(`${path}.formatted`, 'non-empty text'));
  if (shape === undefined && rawFormatted !== undefined && composed === '') {
    return {
      ...fromString(formatted),
      ...(out.country === undefined ? {} : { country: out.country }),
    };
  }
  return {
    ...out,
    shape: shape ?? (out.district === undefined ? '2025' : 'legacy'),
    formatted,
  };
}

/**
 * Reads an address: a comma-separated string, most specific part first (`"street, ward,
 * province"` is the 2025 shape, `"street, ward, district, province"` the legacy one), or an
 * {@link Address}-like object. `formatted` keeps the original string.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the address.
 * @throws DinhDanhError `claims_invalid` at `path` (or a sub-field) if it is not an address.
 * @example
 * ```ts
 * parseAddress('12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội');
 * // { shape: '2025', formatted: '12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội',
 * //   street: '12 Tràng Tiền', ward: 'Phường Hoàn Kiếm', province: 'Hà Nội' }
 * ```
 */
export function parseAddress(value: unknown, path = 'address'): Address {
  if (isRecord(value)) return fromObject(value, path);
  if (typeof value !== 'string') return invalid(path, 'an address string or object');
  const formatted = cleanText(value, MAX_ADDRESS) ?? invalid(path, 'a non-empty address');
  return fromString(formatted);
}
