/** Each dialect writes the wire names of helpers/DIALECTS.md. */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import type { Dialect } from '../src/index';
import { connect, exchange, headlessLogin } from './helpers';

const ALL_SCOPES = [
  'openid profile email phone address',
  'vn_pid vn_nationality vn_legacy_id vn_ethnicity vn_hometown vn_portrait vn_tax_code vn_social_insurance',
  'vn_health_insurance vn_driving_licence vn_vehicle_registrations vn_passport vn_foreigner_id',
  'vn_organisation vn_guardian',
].join(' ');

async function loginAs(
  dialect: Dialect,
  persona: string,
  params: Record<string, string> = {},
  verifiedClaims = false,
) {
  const { idp, config } = await connect({ dialect, verifiedClaims });
  const flow = await headlessLogin(idp, config, {
    scope: ALL_SCOPES,
    login_hint: persona,
    ...params,
  });
  const tokens = await exchange(config, flow);
  const idToken = tokens.claims()!;
  const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  return { idToken, userinfo };
}

describe('standard dialect', () => {
  it('writes OIDC claims and vn_ claims in the SDK shapes', async () => {
    const { idToken, userinfo } = await loginAs('standard', 'citizen-l2');
    expect(idToken.acr).toBe('urn:dinhdanh:loa:2');
    expect(userinfo).toMatchObject({
      vn_account_type: 'citizen',
      vn_pid: '001085012345',
      vn_legacy_id: '012345678',
      name: 'Nguyễn Văn An',
      family_name: 'Nguyễn',
      middle_name: 'Văn',
      given_name: 'An',
      birthdate: '1985-03-14',
      gender: 'male',
      nationalities: ['VN'],
      phone_number: '+84912345678',
      phone_number_verified: true,
      email_verified: true,
      vn_permanent_address: { shape: '2025', province: 'Hà Nội' },
      vn_current_address: { shape: 'legacy', district: 'Quận Đống Đa' },
      vn_tax_code: '8012345678',
      vn_social_insurance: '0112345678',
      vn_health_insurance: { number: 'GD4010112345678' },
      vn_driving_licence: { classes: ['A1', 'B2'] },
      vn_vehicle_registrations: [{ plate: '29A-123.45' }, { plate: '29B1-234.56' }],
    });
    expect(typeof userinfo.vn_portrait).toBe('string');
    // identity claims go to userinfo; the ID token carries them only when asked via claims.id_token
    expect(idToken).not.toHaveProperty('name');
  });

  it('puts claims requested with claims.id_token into the ID token', async () => {
    const { idToken } = await loginAs('standard', 'citizen-l2', {
      scope: 'openid',
      claims: JSON.stringify({ id_token: { vn_pid: { essential: true }, name: null } }),
    });
    expect(idToken).toMatchObject({ vn_pid: '001085012345', name: 'Nguyễn Văn An' });
  });

  it('writes the organisation and the guardian', async () => {
    expect((await loginAs('standard', 'organisation')).userinfo).toMatchObject({
      vn_account_type: 'organisation',
      vn_organisation: {
        name: 'Công ty TNHH Phần mềm Sen Vàng',
        representative: { pid: '001085012345' },
      },
    });
    expect((await loginAs('standard', 'organisation')).idToken.acr).toBe('urn:dinhdanh:loa:0');
    expect((await loginAs('standard', 'child')).userinfo).toMatchObject({
      vn_guardian: { pid: '031188006789', name: 'Phạm Thị Dung' },
    });
  });
});

describe('what a scope releases', () => {
  it("standard: the grouped scopes of core's oidc() profile; openid alone releases only the account type", async () => {
    const grouped = await loginAs('standard', 'citizen-l2', {
      scope: 'openid vn_identity vn_documents vn_tax vn_insurance',
    });
    expect(Object.keys(grouped.userinfo).sort()).toEqual(
      [
        'sub',
        'vn_account_type',
        'vn_pid',
        'vn_legacy_id',
        'nationalities',
        'vn_ethnicity',
        'vn_hometown',
        'vn_driving_licence',
        'vn_vehicle_registrations',
        'vn_tax_code',
        'vn_social_insurance',
        'vn_health_insurance',
      ].sort(),
    );
    const bare = await loginAs('standard', 'citizen-l2', { scope: 'openid' });
    expect(Object.keys(bare.userinfo).sort()).toEqual(['sub', 'vn_account_type']);
  });

  it('portal dialects hand over the whole non-sensitive record for scope openid', async () => {
    const { userinfo } = await loginAs('dvcqg', 'citizen-l2', { scope: 'openid' });
    expect(userinfo).toMatchObject({ SoDinhDanh: '001085012345', HoVaTen: 'Nguyễn Văn An' });
    // social insurance is sensitive: only when asked for by name
    expect(userinfo).not.toHaveProperty('MaBHXH');
    const asked = await loginAs('dvcqg', 'citizen-l2', { scope: 'openid vn_social_insurance' });
    expect(asked.userinfo).toMatchObject({ MaBHXH: '0112345678' });
  });
});

describe('standard dialect with verified_claims (OIDC4IDA)', () => {
  it("wraps a level-2 persona's identity claims, not a level-1 persona's", async () => {
    const l2 = (await loginAs('standard', 'citizen-l2', {}, true)).userinfo;
    expect(l2).toMatchObject({
      vn_account_type: 'citizen',
      email: 'an.nguyen@example.com',
      verified_claims: {
        verification: { trust_framework: 'vn_vneid', assurance_level: '2' },
        claims: { vn_pid: '001085012345', name: 'Nguyễn Văn An', birthdate: '1985-03-14' },
      },
    });
    expect(l2).not.toHaveProperty('vn_pid');
    const l1 = (await loginAs('standard', 'citizen-l1', {}, true)).userinfo;
    expect(l1).not.toHaveProperty('verified_claims');
    expect(l1).toMatchObject({ vn_pid: '079192004567' });
  });
});

describe('vneid-sso dialect', () => {
  it('writes acr "2", preferred_username and camelCase userinfo', async () => {
    const { idToken, userinfo } = await loginAs('vneid-sso', 'citizen-l2');
    expect(idToken).toMatchObject({ acr: '2', preferred_username: '001085012345' });
    expect(userinfo).toMatchObject({
      citizenPid: '001085012345',
      fullName: 'Nguyễn Văn An',
      birthDate: '14/03/1985',
      gender: 'Nam',
      nationality: 'VN',
      ethnicity: 'Kinh',
      phoneNumber: '0912345678',
      email: 'an.nguyen@example.com',
      permanentAddress: 'Số 12 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
      currentAddress: 'Số 5 Ngõ 34 Láng Hạ, Phường Láng Hạ, Quận Đống Đa, Hà Nội',
      oldIdNumber: '012345678',
      taxCode: '8012345678',
      socialInsuranceNumber: '0112345678',
      healthInsuranceNumber: 'GD4010112345678',
      drivingLicenceNumber: '010123456789',
      drivingLicenceClasses: 'A1,B2',
      vehiclePlates: ['29A-123.45', '29B1-234.56'],
      accountType: 'CITIZEN',
      accountLevel: 2,
    });
  });

  it('writes organisation, foreigner and minor fields', async () => {
    expect((await loginAs('vneid-sso', 'organisation')).userinfo).toMatchObject({
      accountType: 'ORGANIZATION',
      accountLevel: 0,
      organizationName: 'Công ty TNHH Phần mềm Sen Vàng',
      organizationTaxCode: '0101234567',
      organizationAddress: 'Số 99 Phố Duy Tân, Phường Cầu Giấy, Hà Nội',
      representativeName: 'Nguyễn Văn An',
      representativePid: '001085012345',
    });
    expect((await loginAs('vneid-sso', 'foreigner-l2')).userinfo).toMatchObject({
      accountType: 'FOREIGNER',
      passportNumber: 'TK1234567',
      foreignerId: 'JP2023004567',
      gender: 'Nữ',
    });
    expect((await loginAs('vneid-sso', 'child')).userinfo).toMatchObject({
      guardianPid: '031188006789',
      guardianName: 'Phạm Thị Dung',
    });
  });
});

describe('dvcqg and postid dialects', () => {
  it('dvcqg writes PascalCase Vietnamese claims, acr LoA2 and loAs from VNEID', async () => {
    const { idToken, userinfo } = await loginAs('dvcqg', 'citizen-l2');
    expect(idToken.acr).toBe('LoA2');
    expect(userinfo).toMatchObject({
      SoDinhDanh: '001085012345',
      HoVaTen: 'Nguyễn Văn An',
      NgayThangNamSinh: '19850314',
      GioiTinh: 1,
      SoCMND: '012345678',
      MaSoThue: '8012345678',
      MaBHXH: '0112345678',
      ThuDienTu: 'an.nguyen@example.com',
      SoDienThoai: '0912345678',
      QueQuan: 'Xã Phù Đổng, Hà Nội',
      ThuongTru: 'Số 12 Phố Huế, Phường Hai Bà Trưng, Hà Nội',
      QuocTich: 'VN',
      DanToc: 'Kinh',
      LoaiTaiKhoan: 1,
      loAs: [{ claim: 'SoDinhDanh', level: 2, src: 'VNEID' }],
    });
    expect(userinfo).not.toHaveProperty('authType');
  });

  it('dvcqg writes organisations with LoaiTaiKhoan 2 and foreigners with 3', async () => {
    expect((await loginAs('dvcqg', 'organisation')).userinfo).toMatchObject({
      LoaiTaiKhoan: 2,
      MaSoDoanhNghiep: '0101234567',
      TenDoanhNghiep: 'Công ty TNHH Phần mềm Sen Vàng',
      DiaChi: 'Số 99 Phố Duy Tân, Phường Cầu Giấy, Hà Nội',
      MaSoThue: '0101234567',
    });
    expect((await loginAs('dvcqg', 'foreigner-l1')).userinfo).toMatchObject({
      LoaiTaiKhoan: 3,
      GioiTinh: 1,
    });
    expect((await loginAs('dvcqg', 'citizen-l1')).idToken.acr).toBe('LoA1');
  });

  it('postid adds authType, verification flags and loAs from VNPOST', async () => {
    const { idToken, userinfo } = await loginAs('postid', 'citizen-l1');
    expect(idToken.acr).toBe('LoA1');
    expect(userinfo).toMatchObject({
      HoVaTen: 'Trần Thị Bình',
      GioiTinh: 2,
      authType: 'SMS_OTP',
      XacNhan_SoDienThoai: true,
      XacNhan_ThuDienTu: false,
      loAs: [{ level: 1, src: 'VNPOST' }],
    });
  });

  it('a dialect acr in acr_values sets the requested level', async () => {
    const { idp, config } = await connect({ dialect: 'dvcqg' });
    const { callback } = await headlessLogin(idp, config, {
      login_hint: 'citizen-l1',
      acr_values: 'LoA2',
    });
    expect(callback.searchParams.get('error')).toBe('unmet_authentication_requirements');
  });
});
