import { describe, expect, it } from 'vitest';
import { normalizeIdentity, type ClaimSources, type Dialect } from '@dinhdanh/core';
import * as f from './fixtures';
import { captureError, makePid } from './synthetic';

type Case = [
  label: string,
  dialect: Dialect,
  sources: ClaimSources,
  code: string,
  path: string,
  bad?: string,
];

const withUserinfo = (base: ClaimSources, patch: Record<string, unknown>): ClaimSources => ({
  ...base,
  userinfo: { ...base.userinfo, ...patch },
});
const withIdToken = (base: ClaimSources, patch: Record<string, unknown>): ClaimSources => ({
  ...base,
  idToken: { ...base.idToken, ...patch },
});

const OTHER_PID = makePid('001', 1991, 'female', 481516);
const MALE_PID = makePid('001', 1990, 'male', 481516);

const CASES: Case[] = [
  // dvcqg / postid
  [
    'impossible birth date',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { NgayThangNamSinh: '19900230' }),
    'claims_invalid',
    'userinfo.NgayThangNamSinh',
    '19900230',
  ],
  [
    'GioiTinh 3',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { GioiTinh: '3' }),
    'claims_invalid',
    'userinfo.GioiTinh',
  ],
  [
    'bad PID province',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { SoDinhDanh: '999090123456' }),
    'claims_invalid',
    'userinfo.SoDinhDanh',
    '999090123456',
  ],
  [
    'PID from another birth year',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { SoDinhDanh: OTHER_PID }),
    'claims_invalid',
    'userinfo.SoDinhDanh',
    OTHER_PID,
  ],
  [
    'PID of the other gender',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { SoDinhDanh: MALE_PID }),
    'claims_invalid',
    'userinfo.SoDinhDanh',
    MALE_PID,
  ],
  [
    '8-digit CMND',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { SoCMND: '12345678' }),
    'claims_invalid',
    'userinfo.SoCMND',
    '12345678',
  ],
  [
    'landline-less phone',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { SoDienThoai: '0112345678' }),
    'claims_invalid',
    'userinfo.SoDienThoai',
    '0112345678',
  ],
  [
    'e-mail without domain',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { ThuDienTu: 'mai.tran@' }),
    'claims_invalid',
    'userinfo.ThuDienTu',
    'mai.tran@',
  ],
  [
    'unknown nationality',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { QuocTich: 'Atlantis' }),
    'claims_invalid',
    'userinfo.QuocTich',
    'Atlantis',
  ],
  [
    '9-digit tax code',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { MaSoThue: '801234567' }),
    'claims_invalid',
    'userinfo.MaSoThue',
    '801234567',
  ],
  [
    'short BHXH',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { MaBHXH: '12345' }),
    'claims_invalid',
    'userinfo.MaBHXH',
    '12345',
  ],
  [
    'LoaiTaiKhoan 9',
    'dvcqg',
    withUserinfo(f.dvcqgL2, { LoaiTaiKhoan: 9 }),
    'claims_invalid',
    'userinfo.LoaiTaiKhoan',
  ],
  [
    'loAs not JSON',
    'dvcqg',
    withUserinfo(f.dvcqgLoAsOnly, { loAs: '[{level' }),
    'claims_invalid',
    'userinfo.loAs',
  ],
  [
    'loAs level 5',
    'dvcqg',
    withUserinfo(f.dvcqgLoAsOnly, { loAs: [{ level: 5 }] }),
    'claims_invalid',
    'userinfo.loAs[0].level',
  ],
  [
    'organisation without name',
    'dvcqg',
    withUserinfo(f.dvcqgOrganisation, { TenDoanhNghiep: null }),
    'claims_invalid',
    'userinfo.TenDoanhNghiep',
  ],
  [
    'missing sub',
    'dvcqg',
    { userinfo: { HoVaTen: 'Trần Thị Mai' } },
    'claims_missing',
    'userinfo.sub',
  ],
  [
    'XacNhan_SoDienThoai yes',
    'postid',
    withUserinfo(f.postidL1, { XacNhan_SoDienThoai: 'yes' }),
    'claims_invalid',
    'userinfo.XacNhan_SoDienThoai',
    'yes',
  ],
  [
    'authType PASSWORD',
    'postid',
    withUserinfo(f.postidL1, { authType: 'PASSWORD' }),
    'claims_invalid',
    'userinfo.authType',
    'PASSWORD',
  ],
  [
    'auth_time in words',
    'postid',
    withIdToken(f.postidL1, { auth_time: 'yesterday' }),
    'claims_invalid',
    'id_token.auth_time',
    'yesterday',
  ],
  // vneid-sso / partner
  [
    'birthDate with dashes',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { birthDate: '17-05-1990' }),
    'claims_invalid',
    'userinfo.birthDate',
    '17-05-1990',
  ],
  [
    'fullName with digits',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { fullName: 'Mai 007' }),
    'claims_invalid',
    'userinfo.fullName',
    'Mai 007',
  ],
  [
    'preferred_username disagrees',
    'vneid-sso',
    withIdToken(f.vneidSsoL2, { preferred_username: MALE_PID }),
    'claims_invalid',
    'id_token.preferred_username',
    MALE_PID,
  ],
  [
    'unknown licence class',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { drivingLicenceClasses: 'B2, Q7' }),
    'claims_invalid',
    'userinfo.drivingLicenceClasses',
    'Q7',
  ],
  [
    'licence without classes',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { drivingLicenceClasses: '' }),
    'claims_invalid',
    'userinfo.drivingLicenceClasses',
  ],
  [
    'bad plate',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { vehiclePlates: ['30A-123.45', 'XYZ'] }),
    'claims_invalid',
    'userinfo.vehiclePlates[1]',
    'XYZ',
  ],
  [
    'bad BHYT',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { healthInsuranceNumber: 'D4010123456789' }),
    'claims_invalid',
    'userinfo.healthInsuranceNumber',
    'D4010123456789',
  ],
  [
    'accountType ADMIN',
    'vneid-sso',
    withUserinfo(f.vneidSsoL2, { accountType: 'ADMIN' }),
    'claims_invalid',
    'userinfo.accountType',
    'ADMIN',
  ],
  [
    'accountLevel 3',
    'vneid-partner',
    withUserinfo(f.vneidPartnerL2, { accountLevel: 3 }),
    'claims_invalid',
    'userinfo.accountLevel',
  ],
  [
    'no citizenPid',
    'vneid-partner',
    withUserinfo(f.vneidPartnerL2, { citizenPid: undefined }),
    'claims_missing',
    'userinfo.citizenPid',
  ],
  [
    'guardian PID malformed',
    'vneid-sso',
    withUserinfo(f.vneidSsoMinor, { guardianPid: '04819851234' }),
    'claims_invalid',
    'userinfo.guardianPid',
    '04819851234',
  ],
  [
    'representative PID without name',
    'vneid-sso',
    withUserinfo(f.vneidSsoOrganisation, { representativeName: undefined }),
    'claims_invalid',
    'userinfo.representativeName',
  ],
  // standard
  [
    'gender other',
    'standard',
    withIdToken(f.standardL1, { gender: 'other' }),
    'claims_invalid',
    'id_token.gender',
  ],
  [
    'phone not E.164',
    'standard',
    withUserinfo(f.standardL2, { phone_number: '+84 12' }),
    'claims_invalid',
    'userinfo.phone_number',
    '+84 12',
  ],
  [
    'phone_number_verified text',
    'standard',
    withUserinfo(f.standardL2, { phone_number_verified: 'sure' }),
    'claims_invalid',
    'userinfo.phone_number_verified',
    'sure',
  ],
  [
    'address shape',
    'standard',
    withUserinfo(f.standardL2, { vn_permanent_address: { shape: 'v3', formatted: 'x' } }),
    'claims_invalid',
    'userinfo.vn_permanent_address.shape',
    'v3',
  ],
  [
    'licence number short',
    'standard',
    withUserinfo(f.standardL2, { vn_driving_licence: { number: '0101', classes: ['B'] } }),
    'claims_invalid',
    'userinfo.vn_driving_licence.number',
    '0101',
  ],
  [
    'passport country',
    'standard',
    withIdToken(f.standardForeigner, { vn_passport: { number: '19AB12345', country: 'XX' } }),
    'claims_invalid',
    'id_token.vn_passport.country',
  ],
  [
    'organisation without name',
    'standard',
    withUserinfo(f.standardOrganisation, { vn_organisation: { taxCode: '0101234567' } }),
    'claims_invalid',
    'userinfo.vn_organisation.name',
  ],
  [
    'nationalities not codes',
    'standard',
    withUserinfo(f.standardL2, { nationalities: ['VN', 'Mars'] }),
    'claims_invalid',
    'userinfo.nationalities[1]',
    'Mars',
  ],
  [
    'verified_claims without verification',
    'standard',
    withUserinfo(f.standardVerified, { verified_claims: { claims: { name: 'X Y' } } }),
    'claims_invalid',
    'userinfo.verified_claims.verification',
  ],
  [
    'verified claim invalid',
    'standard',
    withUserinfo(f.standardVerified, {
      verified_claims: {
        verification: { trust_framework: 'vn_vneid' },
        claims: { birthdate: '1990-02-31' },
      },
    }),
    'claims_invalid',
    'userinfo.verified_claims.claims.birthdate',
    '1990-02-31',
  ],
  [
    'amr not strings',
    'standard',
    withIdToken(f.standardL1, { amr: [1, 2] }),
    'claims_invalid',
    'id_token.amr[0]',
  ],
  [
    'sub an object',
    'standard',
    withIdToken(f.standardL1, { sub: { id: 1 } }),
    'claims_invalid',
    'id_token.sub',
  ],
  [
    'userinfo an array',
    'standard',
    { idToken: f.standardL1.idToken, userinfo: [] as unknown as Record<string, unknown> },
    'claims_invalid',
    'userinfo',
  ],
  [
    'portrait not base64',
    'standard',
    withUserinfo(f.standardL2, { vn_portrait: 'not an image!' }),
    'claims_invalid',
    'userinfo.vn_portrait',
    'not an image!',
  ],
];

describe('normalizeIdentity rejects invalid values, naming the wire path and never the value', () => {
  it.each(CASES)('%s (%s)', (_label, dialect, sources, code, path, bad) => {
    const error = captureError(() => normalizeIdentity(dialect, sources, f.context()));
    expect({ code: error.code, path: error.path }).toEqual({ code, path });
    if (bad !== undefined) expect(error.message).not.toContain(bad);
  });

  it('rejects a broken clock with input_invalid', () => {
    const error = captureError(() =>
      normalizeIdentity('dvcqg', f.dvcqgLoAsOnly, { ...f.context(), now: () => Number.NaN }),
    );
    expect({ code: error.code, path: error.path }).toEqual({
      code: 'input_invalid',
      path: 'context.now',
    });
  });

  it('rejects an unknown dialect with input_invalid', () => {
    const error = captureError(() =>
      normalizeIdentity('saml' as Dialect, f.standardL1, f.context()),
    );
    expect({ code: error.code, path: error.path }).toEqual({
      code: 'input_invalid',
      path: 'dialect',
    });
  });

  it('ignores unknown extra claims and treats null or blank values as absent', () => {
    const identity = normalizeIdentity(
      'dvcqg',
      withUserinfo(f.dvcqgL2, { SoCMND: '', MaBHXH: null, __proto__: { x: 1 }, Whatever: [1, 2] }),
      f.context(),
    );
    expect(identity.attributes.legacyId).toBeUndefined();
    expect(identity.attributes.socialInsurance).toBeUndefined();
  });
});
