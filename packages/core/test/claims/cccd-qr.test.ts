import { describe, expect, it } from 'vitest';
import { parseCccdQr } from '@dinhdanh/core';
import { captureError, makePid } from './synthetic';

const PID = makePid('036', 1995, 'female', 246810);
const RESIDENCE = 'Thôn Trung, Xã Hải Hậu, Huyện Hải Hậu, Tỉnh Nam Định';
const QR = `${PID}|162345678|Phạm Thu Hà|08031995|Nữ|${RESIDENCE}|15042021`;

describe('parseCccdQr', () => {
  it('reads the seven fields of a chip ID card', () => {
    expect(parseCccdQr(QR)).toEqual({
      pid: PID,
      legacyId: '162345678',
      name: { full: 'Phạm Thu Hà', family: 'Phạm', middle: 'Thu', given: 'Hà' },
      birthdate: '1995-03-08',
      gender: 'female',
      residence: {
        shape: 'legacy',
        formatted: RESIDENCE,
        street: 'Thôn Trung',
        ward: 'Xã Hải Hậu',
        district: 'Huyện Hải Hậu',
        province: 'Tỉnh Nam Định',
      },
      issuedOn: '2021-04-15',
      extra: [],
    });
  });

  it('accepts an empty old ID, a trailing newline and extra fields of newer cards', () => {
    const qr = `${PID}||Phạm Thu Hà|08031995|Nữ|Xã Hải Hậu, Ninh Bình|15042025|Phạm Văn Long|Đỗ Thị Lan\n`;
    const data = parseCccdQr(qr);
    expect(data.legacyId).toBeUndefined();
    expect(data.residence).toMatchObject({
      shape: '2025',
      ward: 'Xã Hải Hậu',
      province: 'Ninh Bình',
    });
    expect(data.extra).toEqual(['Phạm Văn Long', 'Đỗ Thị Lan']);
  });

  const fields = QR.split('|');
  const swap = (index: number, value: string) =>
    fields.map((f, i) => (i === index ? value : f)).join('|');

  it.each([
    ['too few fields', fields.slice(0, 6).join('|'), 'text', undefined],
    ['too long', `${QR}|${'x'.repeat(2000)}`, 'text', undefined],
    ['bad pid', swap(0, '999095246810'), 'pid', '999095246810'],
    [
      'pid of a man',
      swap(0, makePid('036', 1995, 'male', 246810)),
      'pid',
      makePid('036', 1995, 'male', 246810),
    ],
    [
      'pid of another year',
      swap(0, makePid('036', 1996, 'female', 246810)),
      'pid',
      makePid('036', 1996, 'female', 246810),
    ],
    ['8-digit old ID', swap(1, '16234567'), 'legacyId', '16234567'],
    ['old ID with dots', swap(1, '162.345.678'), 'legacyId', '162.345.678'],
    ['empty name', swap(2, ''), 'name', undefined],
    ['birth date in ISO', swap(3, '1995-03-08'), 'birthdate', '1995-03-08'],
    ['impossible birth date', swap(3, '30021995'), 'birthdate', '30021995'],
    ['gender X', swap(4, 'X'), 'gender', undefined],
    ['empty residence', swap(5, ' '), 'residence', undefined],
    ['issued before birth', swap(6, '01011990'), 'issuedOn', '01011990'],
    ['issue date garbage', swap(6, '2021'), 'issuedOn', undefined],
  ])('rejects %s', (_label, text, path, bad) => {
    const error = captureError(() => parseCccdQr(text));
    expect({ code: error.code, path: error.path }).toEqual({ code: 'cccd_qr_invalid', path });
    if (bad !== undefined) expect(error.message).not.toContain(bad);
    expect(error.message).not.toContain(PID);
  });

  it('rejects a non-string with cccd_qr_invalid', () => {
    expect(captureError(() => parseCccdQr(42 as unknown as string)).code).toBe('cccd_qr_invalid');
  });
});
