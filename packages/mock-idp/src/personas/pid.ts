/**
 * Structure of a 12-digit personal ID number (DOMAIN.md "Formats"): province code,
 * century+gender digit, two digits of the birth year, six random digits.
 */
// The 63 province codes of Circular 07/2016/TT-BCA (kept after the 2025 merger).
const PROVINCE_CODES = new Set([
  '001',
  '002',
  '004',
  '006',
  '008',
  '010',
  '011',
  '012',
  '014',
  '015',
  '017',
  '019',
  '020',
  '022',
  '024',
  '025',
  '026',
  '027',
  '030',
  '031',
  '033',
  '034',
  '035',
  '036',
  '037',
  '038',
  '040',
  '042',
  '044',
  '045',
  '046',
  '048',
  '049',
  '051',
  '052',
  '054',
  '056',
  '058',
  '060',
  '062',
  '064',
  '066',
  '067',
  '068',
  '070',
  '072',
  '074',
  '075',
  '077',
  '079',
  '080',
  '082',
  '083',
  '084',
  '086',
  '087',
  '089',
  '091',
  '092',
  '093',
  '094',
  '095',
  '096',
]);

/** The century+gender digit for a birth year and gender. */
export function centuryGenderDigit(year: number, gender: 'male' | 'female'): number {
  const century = Math.floor(year / 100) - 19; // 1900s → 0, 2000s → 1 ...
  return century * 2 + (gender === 'female' ? 1 : 0);
}

/**
 * Why a personal ID number is structurally wrong, or `undefined` when it is fine.
 * Cross-checks birth year and gender when they are known.
 */
export function checkPidStructure(
  pid: string,
  birthdate?: string,
  gender?: 'male' | 'female',
): string | undefined {
  if (!/^\d{12}$/.test(pid)) return 'a personal ID number has 12 digits';
  if (!PROVINCE_CODES.has(pid.slice(0, 3))) return 'digits 1-3 must be a province code';
  const digit = Number(pid[3]);
  if (birthdate !== undefined) {
    const year = Number(birthdate.slice(0, 4));
    if (pid.slice(4, 6) !== birthdate.slice(2, 4))
      return 'digits 5-6 must be the last two digits of the birth year';
    if (Math.floor(digit / 2) !== Math.floor(year / 100) - 19)
      return 'digit 4 does not match the century of birth';
  }
  if (gender !== undefined && digit % 2 !== (gender === 'female' ? 1 : 0)) {
    return 'digit 4 does not match the gender';
  }
  return undefined;
}
