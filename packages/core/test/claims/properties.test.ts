import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describePid,
  identitySchema,
  isDinhDanhError,
  isValidPid,
  LEGACY_PROVINCES,
  normalizeDate,
  normalizeDocumentNumber,
  normalizeDrivingLicenceNumber,
  normalizeEmail,
  normalizeGender,
  normalizeHealthInsuranceNumber,
  normalizeIdentity,
  normalizeLegacyId,
  normalizeLicenceClasses,
  normalizeName,
  normalizeNationality,
  normalizePhone,
  normalizePid,
  normalizePortrait,
  normalizeSocialInsuranceNumber,
  normalizeTaxCode,
  normalizeVehiclePlate,
  parseAddress,
  parseCccdQr,
  splitVietnameseName,
  type ClaimSources,
  type Dialect,
} from '@dinhdanh/core';
import * as f from './fixtures';
import { makePid } from './synthetic';

const RUNS = { numRuns: 300 };

/** Runs fn; it may return or throw a DinhDanhError whose message hides long digit strings. */
function succeedsOrDinhDanhError(fn: () => unknown, input: unknown): void {
  try {
    fn();
  } catch (error) {
    expect(isDinhDanhError(error)).toBe(true);
    if (typeof input === 'string' && /^\d{6,}$/.test(input)) {
      expect((error as Error).message).not.toContain(input);
    }
  }
}

const province = fc.constantFrom(...LEGACY_PROVINCES);
const gender = fc.constantFrom('male' as const, 'female' as const);
const syllable = fc.constantFrom(
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương',
  'Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Anh', 'Hà', 'Khoa', 'Lan', 'Bảo', 'Tuấn',
); // prettier-ignore
const isoDay = (min: number, max: number) =>
  fc
    .record({
      y: fc.integer({ min, max }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const ddMMyyyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}`;

describe('properties of personal ID numbers', () => {
  it('generated valid PIDs are valid and describePid round-trips', () => {
    fc.assert(
      fc.property(
        province,
        fc.integer({ min: 1900, max: 2399 }),
        gender,
        fc.integer({ min: 0, max: 999_999 }),
        (p, year, g, serial) => {
          const pid = makePid(p.code, year, g, serial);
          expect(isValidPid(pid)).toBe(true);
          expect(normalizePid(pid)).toBe(pid);
          expect(describePid(pid)).toEqual({
            province: { code: p.code, name: p.name, province2025: p.province2025 },
            century: Math.floor(year / 100) * 100,
            gender: g,
            birthYear: year,
          });
        },
      ),
      RUNS,
    );
  });
});

describe('properties of CCCD QR codes', () => {
  const card = fc.record({
    province,
    gender,
    serial: fc.integer({ min: 0, max: 999_999 }),
    birth: isoDay(1920, 2020),
    issuedAfter: fc.integer({ min: 0, max: 30_000 }),
    legacy: fc.option(fc.stringMatching(/^\d{9}$/), { nil: undefined }),
    name: fc.array(syllable, { minLength: 2, maxLength: 5 }),
    street: fc.integer({ min: 1, max: 999 }),
    legacyShape: fc.boolean(),
    extra: fc.array(
      fc.string({ maxLength: 20 }).filter((s) => !/[|\r\n]/.test(s)),
      { maxLength: 3 },
    ),
  });

  it('generated QR strings round-trip through parseCccdQr', () => {
    fc.assert(
      fc.property(card, (c) => {
        const pid = makePid(c.province.code, Number(c.birth.slice(0, 4)), c.gender, c.serial);
        const issued = new Date(Date.parse(c.birth) + c.issuedAfter * 86_400_000)
          .toISOString()
          .slice(0, 10);
        const residence = c.legacyShape
          ? `${c.street} Đường Láng, Phường Láng Thượng, Quận Đống Đa, ${c.province.name}`
          : `${c.street} Đường Láng, Phường Láng, ${c.province.province2025}`;
        const fullName = c.name.join(' ');
        const text = [
          pid,
          c.legacy ?? '',
          fullName,
          ddMMyyyy(c.birth),
          c.gender === 'male' ? 'Nam' : 'Nữ',
          residence,
          ddMMyyyy(issued),
          ...c.extra,
        ].join('|');
        const data = parseCccdQr(text);
        expect(data).toMatchObject({ pid, birthdate: c.birth, gender: c.gender, issuedOn: issued });
        expect(data.legacyId).toBe(c.legacy);
        expect(data.name.full).toBe(fullName);
        expect(data.name.family).toBe(c.name[0]);
        expect(data.name.given).toBe(c.name[c.name.length - 1]);
        expect(data.residence).toMatchObject({
          formatted: residence,
          shape: c.legacyShape ? 'legacy' : '2025',
        });
        expect(data.extra).toEqual(c.extra.map((e) => e.trim()));
      }),
      RUNS,
    );
  });
});

const PARSERS: Record<string, (value: unknown) => unknown> = {
  describePid: (v) => describePid(v as string),
  parseCccdQr: (v) => parseCccdQr(v as string),
  splitVietnameseName: (v) => splitVietnameseName(v as string),
  normalizePid,
  normalizeLegacyId,
  normalizeName,
  normalizeDate,
  normalizeGender,
  normalizeNationality,
  normalizePhone,
  normalizeEmail,
  parseAddress,
  normalizeTaxCode,
  normalizeSocialInsuranceNumber,
  normalizeHealthInsuranceNumber,
  normalizeDrivingLicenceNumber,
  normalizeLicenceClasses,
  normalizeVehiclePlate,
  normalizeDocumentNumber,
  normalizePortrait,
};

const wireString = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^[0-9 .+/|-]{0,20}$/),
  fc
    .array(
      fc.constantFrom('001090012345', '|', 'Nam', 'Nữ', '17051990', ', ', 'Hà Nội', '30A-123.45'),
      { maxLength: 10 },
    )
    .map((a) => a.join('')),
);

describe('every parser either succeeds or throws DinhDanhError', () => {
  it.each(Object.entries(PARSERS))('%s on arbitrary strings and JSON', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(wireString, fc.jsonValue({ maxDepth: 2 })), (input) => {
        succeedsOrDinhDanhError(() => parse(input), input);
      }),
      RUNS,
    );
  });
});

const DIALECT_LIST: Dialect[] = ['standard', 'vneid-sso', 'dvcqg', 'postid', 'vneid-partner'];
const FIXTURES: [Dialect, ClaimSources][] = [
  ['standard', f.standardL2],
  ['standard', f.standardVerified],
  ['standard', f.standardOrganisation],
  ['vneid-sso', f.vneidSsoL2],
  ['vneid-sso', f.vneidSsoOrganisation],
  ['vneid-partner', f.vneidPartnerL2],
  ['dvcqg', f.dvcqgL2],
  ['dvcqg', f.dvcqgOrganisation],
  ['postid', f.postidL1],
];

function check(dialect: Dialect, sources: ClaimSources): void {
  try {
    const identity = normalizeIdentity(dialect, sources, f.context());
    expect(identitySchema.safeParse(identity).success).toBe(true);
  } catch (error) {
    expect(isDinhDanhError(error)).toBe(true);
  }
}

describe('normalizeIdentity on arbitrary JSON', () => {
  it('random claim sets: an Identity or a DinhDanhError', () => {
    const claims = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), {
      maxKeys: 8,
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...DIALECT_LIST),
        claims,
        claims,
        (dialect, idToken, userinfo) => {
          check(dialect, { idToken, userinfo });
        },
      ),
      RUNS,
    );
  });

  it('fixtures with one claim replaced by arbitrary JSON: an Identity or a DinhDanhError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.nat(),
        fc.boolean(),
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), wireString),
        ([dialect, sources], index, inIdToken, value) => {
          const key = inIdToken && sources.idToken !== undefined ? 'idToken' : 'userinfo';
          const base = sources[key] ?? {};
          const names = Object.keys(base);
          const name = names[index % Math.max(names.length, 1)] ?? 'sub';
          check(dialect, { ...sources, [key]: { ...base, [name]: value } });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
