import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LEGACY_PROVINCES,
  normalizeIdentity,
  type ClaimSources,
  type Dialect,
} from '@dinhdanh/core';
import { context } from './fixtures';
import { makePid } from './synthetic';

interface Citizen {
  pid: string;
  birthdate: string;
  gender: 'male' | 'female';
  name: string[];
  phone: string; // national, 0xxxxxxxxx
  level: 1 | 2;
}

const syllable = fc.constantFrom(
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Thị', 'Văn',
  'Ngọc', 'Thanh', 'Quỳnh', 'Hương', 'Dũng', 'Phương', 'Khánh', 'Thủy', 'Ánh', 'Nhung',
); // prettier-ignore

const citizen: fc.Arbitrary<Citizen> = fc
  .record({
    province: fc.constantFrom(...LEGACY_PROVINCES),
    year: fc.integer({ min: 1930, max: 2020 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    gender: fc.constantFrom('male' as const, 'female' as const),
    serial: fc.integer({ min: 0, max: 999_999 }),
    name: fc.array(syllable, { minLength: 2, maxLength: 4 }),
    prefix: fc.constantFrom('3', '5', '7', '8', '9'),
    rest: fc.stringMatching(/^\d{8}$/),
    level: fc.constantFrom(1 as const, 2 as const),
  })
  .map((c) => ({
    pid: makePid(c.province.code, c.year, c.gender, c.serial),
    birthdate: `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`,
    gender: c.gender,
    name: c.name,
    phone: `0${c.prefix}${c.rest}`,
    level: c.level,
  }));

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const compact = (iso: string) => iso.replaceAll('-', '');

/** The citizen in the camelCase claims vneid-sso and vneid-partner share. */
const camelCase = (c: Citizen) => ({
  citizenPid: c.pid,
  fullName: c.name.join(' '),
  birthDate: dmy(c.birthdate),
  gender: c.gender === 'male' ? 'Nam' : 'Nữ',
  phoneNumber: c.phone,
  accountType: 'CITIZEN',
});

/** The citizen as each dialect writes it (helpers/DIALECTS.md). */
const WRITERS: Record<Dialect, (c: Citizen) => ClaimSources> = {
  standard: (c) => ({
    idToken: {
      sub: 's',
      acr: `urn:dinhdanh:loa:${c.level}`,
      name: c.name.join(' '),
      birthdate: c.birthdate,
      gender: c.gender,
    },
    userinfo: { sub: 's', vn_pid: c.pid, phone_number: `+84${c.phone.slice(1)}` },
  }),
  'vneid-sso': (c) => ({
    idToken: { sub: 's', acr: String(c.level), preferred_username: c.pid },
    userinfo: { sub: 's', ...camelCase(c) },
  }),
  dvcqg: (c) => ({
    userinfo: {
      sub: 's',
      SoDinhDanh: c.pid,
      HoVaTen: c.name.join(' '),
      NgayThangNamSinh: compact(c.birthdate),
      GioiTinh: c.gender === 'male' ? 1 : 2,
      SoDienThoai: c.phone,
      LoaiTaiKhoan: 1,
      loAs: JSON.stringify([{ claim: 'SoDinhDanh', level: c.level, src: 'VNEID' }]),
    },
  }),
  postid: (c) => ({
    idToken: { sub: 's', acr: `LoA${c.level}` },
    userinfo: {
      sub: 's',
      SoDinhDanh: c.pid,
      HoVaTen: c.name.join(' '),
      NgayThangNamSinh: compact(c.birthdate),
      GioiTinh: String(c.gender === 'male' ? 1 : 2),
      SoDienThoai: c.phone,
      XacNhan_SoDienThoai: '1',
      authType: 'SMART_OTP',
    },
  }),
  'vneid-partner': (c) => ({
    userinfo: { ...camelCase(c), accountLevel: c.level },
  }),
};

describe('generated citizens round-trip through every dialect', () => {
  it.each(Object.keys(WRITERS) as Dialect[])('%s', (dialect) => {
    fc.assert(
      fc.property(citizen, (c) => {
        const identity = normalizeIdentity(dialect, WRITERS[dialect](c), context());
        expect(identity.level).toBe(c.level);
        expect(identity.accountType).toBe('citizen');
        expect(identity.attributes).toMatchObject({
          pid: c.pid,
          birthdate: c.birthdate,
          gender: c.gender,
          phone: `+84${c.phone.slice(1)}`,
          name: { full: c.name.join(' '), family: c.name[0], given: c.name[c.name.length - 1] },
        });
      }),
      { numRuns: 200 },
    );
  });
});
