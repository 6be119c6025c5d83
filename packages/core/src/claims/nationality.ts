/** Nationality as an ISO 3166-1 alpha-2 code. */
import { invalid } from './fail';

// The 249 officially assigned ISO 3166-1 alpha-2 codes.
const ISO_3166 = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ ' +
    'BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM ' +
    'DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS ' +
    'GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN ' +
    'KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ ' +
    'MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV ' +
    'SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI ' +
    'VN VU WF WS YE YT ZA ZM ZW'
  ).split(' '),
);

// Vietnam written out, as the portal's `QuocTich` sometimes does.
const VIETNAM = new Set(['việt nam', 'viet nam', 'vietnam', 'vnm']);

/**
 * Whether a value is an assigned ISO 3166-1 alpha-2 code in upper case. Never throws.
 *
 * @param value - anything.
 * @returns true for codes such as `VN`, `FR`.
 */
export function isCountryCode(value: unknown): boolean {
  return typeof value === 'string' && ISO_3166.has(value);
}

/**
 * Reads a nationality: an ISO 3166-1 alpha-2 code (any case), or Vietnam written out
 * (`Việt Nam`, `Viet Nam`, `Vietnam`, `VNM`).
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the upper-case alpha-2 code.
 * @throws DinhDanhError `claims_invalid` at `path` for anything else.
 * @example
 * ```ts
 * normalizeNationality('Việt Nam'); // 'VN'
 * normalizeNationality('fr'); // 'FR'
 * ```
 */
export function normalizeNationality(value: unknown, path = 'nationality'): string {
  if (typeof value === 'string' && value.length <= 40) {
    const text = value.normalize('NFC').trim().replace(/\s+/g, ' ');
    if (VIETNAM.has(text.toLowerCase())) return 'VN';
    const code = text.toUpperCase();
    if (ISO_3166.has(code)) return code;
  }
  return invalid(path, 'an ISO 3166-1 alpha-2 country code');
}
