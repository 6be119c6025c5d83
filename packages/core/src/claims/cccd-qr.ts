/**
 * The QR code printed on chip-based citizen ID cards (CCCD):
 * `pid|old cmnd|full name|ddMMyyyy birth|Nam/Nữ|residence|ddMMyyyy issue`. Cards issued
 * under the 2023 Law on Identity may add fields: they are kept in `extra`, unread.
 */
import { DinhDanhError, isDinhDanhError } from '../errors';
import { parseAddress } from './address';
import { parseDate } from './dates';
import { normalizeGender } from './gender';
import type { Address, PersonName } from './identity';
import { normalizeLegacyId } from './legacy-id';
import { toPersonName } from './name';
import { isValidPid, pidMatches } from './pid';

/** What a citizen ID card's QR code says. */
export interface CccdQrData {
  /** Personal ID number (12 digits). */
  pid: string;
  /** Old 9-digit CMND number, when the card carries one. */
  legacyId?: string;
  /** Full name, split in Vietnamese order. */
  name: PersonName;
  /** Date of birth, ISO `YYYY-MM-DD`. */
  birthdate: string;
  /** Gender. */
  gender: 'male' | 'female';
  /** Place of residence. */
  residence: Address;
  /** Date of issue of the card, ISO `YYYY-MM-DD`. */
  issuedOn: string;
  /** Fields after the seventh, as printed (newer cards), not interpreted. */
  extra: string[];
}

/** Longest QR text accepted; real ones are about 150 characters. */
const MAX_QR = 2000;
const MAX_FIELDS = 20;

function fail(path: string, expected: string): never {
  throw new DinhDanhError(
    'cccd_qr_invalid',
    `The ID card QR code is not valid at "${path}": expected ${expected}. Scan the card again.`,
    { path },
  );
}

/** Runs a claims primitive, turning its error into `cccd_qr_invalid` at `path`. */
function field<T>(path: string, expected: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isDinhDanhError(error)) return fail(path, expected);
    throw error;
  }
}

/**
 * Parses the QR code of a chip-based citizen ID card. Tolerant of an empty old ID and of
 * extra trailing fields; strict on every value: the personal ID number must be valid and
 * agree with the birth date and gender, and the card cannot be issued before birth.
 *
 * @param text - the decoded QR text.
 * @returns the card's data.
 * @throws DinhDanhError `cccd_qr_invalid` with `path` naming the field (`text`, `pid`,
 * `legacyId`, `name`, `birthdate`, `gender`, `residence`, `issuedOn`); the message never
 * contains the value.
 * @example
 * ```ts
 * parseCccdQr('001090012345|012345678|Nguyễn Văn An|17051990|Nam|12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội|01072021');
 * // { pid: '001090012345', legacyId: '012345678', name: { full: 'Nguyễn Văn An', ... },
 * //   birthdate: '1990-05-17', gender: 'male', residence: { shape: '2025', ... },
 * //   issuedOn: '2021-07-01', extra: [] }
 * ```
 */
export function parseCccdQr(text: string): CccdQrData {
  if (typeof text !== 'string' || text.length > MAX_QR) {
    return fail('text', `a string of at most ${MAX_QR} characters`);
  }
  const fields = text.replace(/[\r\n]+$/, '').split('|', MAX_FIELDS + 1);
  if (fields.length < 7 || fields.length > MAX_FIELDS) {
    return fail('text', `7 to ${MAX_FIELDS} fields separated by |`);
  }
  const [rawPid, rawLegacy, rawName, rawBirth, rawGender, rawResidence, rawIssued, ...extra] =
    fields.map((f) => f.trim()) as [string, string, string, string, string, string, string];

  if (!isValidPid(rawPid)) return fail('pid', 'a 12-digit personal ID number');
  const legacyId =
    rawLegacy === ''
      ? undefined
      : field('legacyId', 'a 9-digit CMND number or nothing', () => normalizeLegacyId(rawLegacy));
  if (legacyId !== undefined && !/^\d{9}$/.test(rawLegacy)) {
    return fail('legacyId', 'a 9-digit CMND number or nothing');
  }
  const name = field('name', 'a full name', () => toPersonName(rawName));
  const birthdate = parseDate(rawBirth, ['ddMMyyyy']) ?? fail('birthdate', 'a date as ddMMyyyy');
  const gender = field('gender', 'Nam or Nữ', () => normalizeGender(rawGender));
  const residence = field('residence', 'an address', () => parseAddress(rawResidence));
  const issuedOn = parseDate(rawIssued, ['ddMMyyyy']) ?? fail('issuedOn', 'a date as ddMMyyyy');
  if (!pidMatches(rawPid, { birthdate, gender })) {
    return fail('pid', 'a personal ID number that matches the birth date and gender');
  }
  if (issuedOn < birthdate) return fail('issuedOn', 'a date of issue after the date of birth');
  return {
    pid: rawPid,
    ...(legacyId === undefined ? {} : { legacyId }),
    name,
    birthdate,
    gender,
    residence,
    issuedOn,
    extra,
  };
}
