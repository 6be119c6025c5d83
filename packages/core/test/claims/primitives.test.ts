import { describe, expect, it } from 'vitest';
import {
  describePid,
  isValidPid,
  normalizeDate,
  normalizeDrivingLicenceNumber,
  normalizeEmail,
  normalizeGender,
  normalizeHealthInsuranceNumber,
  normalizeLegacyId,
  normalizeLicenceClasses,
  normalizeName,
  normalizeNationality,
  normalizePhone,
  normalizePid,
  normalizeSocialInsuranceNumber,
  normalizeTaxCode,
  normalizeVehiclePlate,
  parseAddress,
  pidMatches,
  splitVietnameseName,
} from '@dinhdanh/core';
import { captureError, makePid } from './synthetic';

const PID = makePid('001', 1990, 'male', 12345); // 001090012345

describe('personal ID number', () => {
  it('accepts 12 digits opening with a province code', () => {
    expect(PID).toBe('001090012345');
    expect(isValidPid(PID)).toBe(true);
    expect(isValidPid(makePid('096', 2005, 'female'))).toBe(true);
  });

  it.each([
    ['unknown province', '003090012345'],
    ['too short', '00109001234'],
    ['too long', '0010900123456'],
    ['letters', '00109001234a'],
    ['a number', 1090012345],
    ['nothing', undefined],
  ])('rejects %s without throwing', (_label, value) => {
    expect(isValidPid(value)).toBe(false);
  });

  it('describes province, century, gender and birth year', () => {
    expect(describePid(PID)).toEqual({
      province: { code: '001', name: 'Hà Nội', province2025: 'Hà Nội' },
      century: 1900,
      gender: 'male',
      birthYear: 1990,
    });
    const hg = describePid(makePid('002', 2007, 'female'));
    expect(hg.province).toEqual({ code: '002', name: 'Hà Giang', province2025: 'Tuyên Quang' });
    expect([hg.century, hg.gender, hg.birthYear]).toEqual([2000, 'female', 2007]);
    expect(describePid(makePid('079', 2301, 'male')).century).toBe(2300);
  });

  it('describePid rejects with pid_invalid and never echoes the number', () => {
    const bad = '999090012345';
    const error = captureError(() => describePid(bad));
    expect(error.code).toBe('pid_invalid');
    expect(error.message).not.toContain(bad);
  });

  it('cross-checks birth date and gender', () => {
    expect(pidMatches(PID, { birthdate: '1990-05-17', gender: 'male' })).toBe(true);
    expect(pidMatches(PID, { birthdate: '1991-05-17' })).toBe(false);
    expect(pidMatches(PID, { gender: 'female' })).toBe(false);
    expect(pidMatches(PID, {})).toBe(true);
  });

  it('normalises separators and numbers that lost their leading zeros', () => {
    expect(normalizePid('001 090 012 345')).toBe(PID);
    expect(normalizePid(1090012345)).toBe(PID);
    const error = captureError(() => normalizePid('12345', 'userinfo.SoDinhDanh'));
    expect(error).toMatchObject({ code: 'claims_invalid', path: 'userinfo.SoDinhDanh' });
    expect(error.message).not.toContain('12345');
  });
});

describe('names', () => {
  it('cleans to NFC with single spaces', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(normalizeName(`  ${nfd}  `)).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(normalizeName('Trần   Thị\tBình')).toBe('Trần Thị Bình');
  });

  it('splits family first and given last', () => {
    expect(splitVietnameseName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
    expect(splitVietnameseName('Lê Lợi')).toEqual({ family: 'Lê', given: 'Lợi' });
    expect(captureError(() => splitVietnameseName('Lợi')).code).toBe('input_invalid');
  });

  it.each(['', '   ', 'An 2', '<script>', 42])('rejects %j', (value) => {
    expect(captureError(() => normalizeName(value, 'userinfo.fullName'))).toMatchObject({
      code: 'claims_invalid',
      path: 'userinfo.fullName',
    });
  });
});

describe('dates', () => {
  it.each([
    ['1990-05-17', '1990-05-17'],
    ['19900517', '1990-05-17'],
    ['17/05/1990', '1990-05-17'],
    ['17051990', '1990-05-17'],
    [19900517, '1990-05-17'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %j', (input, iso) => {
    expect(normalizeDate(input)).toBe(iso);
  });

  it.each([
    '30/02/2000',
    '29/02/1900',
    '1990-13-01',
    '1990-5-17',
    '17.05.1990',
    '',
    '00000000',
    '18991231',
  ])('rejects %j at the given path', (input) => {
    const error = captureError(() => normalizeDate(input, 'userinfo.NgayThangNamSinh'));
    expect(error).toMatchObject({ code: 'claims_invalid', path: 'userinfo.NgayThangNamSinh' });
    if (input !== '') expect(error.message).not.toContain(input);
  });
});

describe('gender and nationality', () => {
  it.each([
    ['male', 'male'],
    ['FEMALE', 'female'],
    ['Nam', 'male'],
    ['Nữ', 'female'],
    ['Nữ'.normalize('NFD'), 'female'],
    ['1', 'male'],
    [2, 'female'],
  ])('reads gender %j', (input, out) => {
    expect(normalizeGender(input)).toBe(out);
  });

  it('rejects other genders', () => {
    expect(captureError(() => normalizeGender(3, 'userinfo.GioiTinh'))).toMatchObject({
      code: 'claims_invalid',
      path: 'userinfo.GioiTinh',
    });
  });

  it('reads alpha-2 codes and Vietnam written out', () => {
    expect(normalizeNationality('Việt Nam')).toBe('VN');
    expect(normalizeNationality('Viet Nam')).toBe('VN');
    expect(normalizeNationality('fr')).toBe('FR');
    expect(captureError(() => normalizeNationality('XX')).code).toBe('claims_invalid');
    expect(captureError(() => normalizeNationality('France')).code).toBe('claims_invalid');
  });
});

describe('phones and e-mail', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['84 912 345 678', '+84912345678'],
    ['+84 (0)', undefined],
    ['+84-387-654-321', '+84387654321'],
    ['02438251234', '+842438251234'],
    [912345678, '+84912345678'],
    ['+33612345678', '+33612345678'],
    ['+84 (0) 912 345 678', '+84912345678'],
  ])('reads %j', (input, out) => {
    if (out === undefined)
      expect(captureError(() => normalizePhone(input)).code).toBe('claims_invalid');
    else expect(normalizePhone(input)).toBe(out);
  });

  it.each(['0112345678', '091234567', '09123456789', '+84112345678', 'abc'])(
    'rejects %j',
    (input) => {
      const error = captureError(() => normalizePhone(input, 'userinfo.SoDienThoai'));
      expect(error).toMatchObject({ code: 'claims_invalid', path: 'userinfo.SoDienThoai' });
      expect(error.message).not.toContain(input);
    },
  );

  it('reads e-mail addresses', () => {
    expect(normalizeEmail(' An.Nguyen@Example.VN ')).toBe('An.Nguyen@example.vn');
    expect(captureError(() => normalizeEmail('an.nguyen@', 'userinfo.email')).path).toBe(
      'userinfo.email',
    );
  });
});

describe('addresses', () => {
  it('reads the 2025 two-level shape', () => {
    expect(parseAddress('12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội')).toEqual({
      shape: '2025',
      formatted: '12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội',
      street: '12 Tràng Tiền',
      ward: 'Phường Hoàn Kiếm',
      province: 'Hà Nội',
    });
  });

  it('reads the legacy three-level shape', () => {
    expect(parseAddress('45 Lý Tự Trọng, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh')).toEqual({
      shape: 'legacy',
      formatted: '45 Lý Tự Trọng, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
      street: '45 Lý Tự Trọng',
      ward: 'Phường Bến Nghé',
      district: 'Quận 1',
      province: 'Thành phố Hồ Chí Minh',
    });
  });

  it('keeps commas of the street when the prefixes say so', () => {
    const a = parseAddress('Số 3, ngõ 5 Kim Mã, Phường Giảng Võ, Hà Nội');
    expect(a).toMatchObject({
      shape: '2025',
      street: 'Số 3, ngõ 5 Kim Mã',
      ward: 'Phường Giảng Võ',
    });
    const b = parseAddress('Phường 1, Quận 3, Thành phố Hồ Chí Minh');
    expect(b).toMatchObject({ shape: 'legacy', ward: 'Phường 1', district: 'Quận 3' });
    expect(b.street).toBeUndefined();
  });

  it('reads address objects and rejects bad fields', () => {
    expect(
      parseAddress({ shape: 'legacy', formatted: 'x, y, z, w', ward: 'y', district: 'z' }),
    ).toMatchObject({
      shape: 'legacy',
      district: 'z',
    });
    expect(
      captureError(() =>
        parseAddress({ shape: 'old', formatted: 'a' }, 'id_token.vn_current_address'),
      ),
    ).toMatchObject({
      code: 'claims_invalid',
      path: 'id_token.vn_current_address.shape',
    });
    expect(captureError(() => parseAddress(' ', 'a')).code).toBe('claims_invalid');
  });
});

describe('numbers of documents', () => {
  it('reads legacy CMND, tax codes and BHXH numbers', () => {
    expect(normalizeLegacyId('012 345 678')).toBe('012345678');
    expect(captureError(() => normalizeLegacyId('12345678')).code).toBe('claims_invalid');
    expect(normalizeTaxCode('0101234567')).toBe('0101234567');
    expect(normalizeTaxCode('0101234567-001')).toBe('0101234567-001');
    expect(normalizeTaxCode('0101234567001')).toBe('0101234567-001');
    expect(normalizeTaxCode(PID)).toBe(PID);
    expect(captureError(() => normalizeTaxCode('999999999999', 'userinfo.MaSoThue')).path).toBe(
      'userinfo.MaSoThue',
    );
    expect(normalizeSocialInsuranceNumber('7901234567')).toBe('7901234567');
    expect(captureError(() => normalizeSocialInsuranceNumber('790123456')).code).toBe(
      'claims_invalid',
    );
  });

  it('reads health insurance cards (15 characters or 10 digits)', () => {
    expect(normalizeHealthInsuranceNumber('dn 479 0123456789')).toBe('DN4790123456789');
    expect(normalizeHealthInsuranceNumber('7901234567')).toBe('7901234567');
    expect(captureError(() => normalizeHealthInsuranceNumber('D4790123456789')).code).toBe(
      'claims_invalid',
    );
  });

  it('reads driving licences and their classes', () => {
    expect(normalizeDrivingLicenceNumber('790123456789')).toBe('790123456789');
    expect(normalizeLicenceClasses('a1, b2')).toEqual(['A1', 'B2']);
    expect(normalizeLicenceClasses(['B', 'C1E', 'B'])).toEqual(['B', 'C1E']);
    expect(
      captureError(() => normalizeLicenceClasses('B2, Z9', 'userinfo.drivingLicenceClasses')),
    ).toMatchObject({
      code: 'claims_invalid',
      path: 'userinfo.drivingLicenceClasses',
    });
    expect(captureError(() => normalizeLicenceClasses('')).code).toBe('claims_invalid');
  });

  it.each([
    ['30A-123.45', '30A-123.45'],
    ['29H1-123.45', '29H1-123.45'],
    ['30a12345', '30A-123.45'],
    ['29-H1 123.45', '29H1-123.45'],
    ['29H112345', '29H1-123.45'],
    ['51F-1234', '51F-1234'],
  ])('reads plate %j', (input, plate) => {
    expect(normalizeVehiclePlate(input)).toBe(plate);
  });

  it.each(['3A-123.45', '30-123.45', '30A-12.345', 'ABC'])('rejects plate %j', (input) => {
    expect(captureError(() => normalizeVehiclePlate(input)).code).toBe('claims_invalid');
  });
});
