/**
 * Synthetic people in every dialect's wire shape (DIALECTS.md). Numbers have a valid
 * structure and are made up; names and addresses are ordinary, not anyone's.
 */
import type { AssuranceLevel, NormalizeContext } from '@dinhdanh/core';
import { makePid } from './synthetic';

/** A health insurance card valid from 1 January of this year to the end of the next: never expired. */
export const CARD_VALIDITY = (() => {
  const year = new Date().getUTCFullYear();
  return { validFrom: `${year}-01-01`, validTo: `${year + 1}-12-31` };
})();

export const ISSUER = 'https://idp.example.test';

const ACRS: Record<string, AssuranceLevel> = {
  'urn:dinhdanh:loa:0': 0,
  'urn:dinhdanh:loa:1': 1,
  'urn:dinhdanh:loa:2': 2,
  '0': 0,
  '1': 1,
  '2': 2,
  LoA0: 0,
  LoA1: 1,
  LoA2: 2,
};

export function context(provider = 'test', now?: number): NormalizeContext {
  return {
    issuer: ISSUER,
    provider,
    levelFromAcr: (acr) => (Object.hasOwn(ACRS, acr) ? ACRS[acr] : undefined),
    ...(now === undefined ? {} : { now: () => now }),
  };
}

/** Citizen: Trần Thị Mai, female, born 17 May 1990 in Hà Nội (province 001). */
export const MAI = {
  pid: makePid('001', 1990, 'female', 481516),
  legacyId: '012345678',
  fullName: 'Trần Thị Mai',
  birthdate: '1990-05-17',
  phone: '+84912345678',
  email: 'mai.tran@example.vn',
  permanent: '12 Tràng Tiền, Phường Hoàn Kiếm, Hà Nội',
  current: '45 Lý Tự Trọng, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh',
  taxCode: '8012345678',
  socialInsurance: '0112345678',
  healthInsurance: 'DN4010123456789',
  licence: '010123456789',
  plate: '30A-123.45',
};

/** Minor: Lê Minh Khoa, male, born 2016 in Đà Nẵng (048), registered by his mother. */
export const KHOA = {
  pid: makePid('048', 2016, 'male', 424242),
  guardianPid: makePid('048', 1985, 'female', 313131),
};

/** Organisation account's representative. */
export const REP_PID = makePid('079', 1978, 'male', 271828);

export const standardL2 = {
  idToken: {
    iss: ISSUER,
    sub: 'std-mai-01',
    aud: 'rp',
    acr: 'urn:dinhdanh:loa:2',
    amr: ['face', 'pin'],
    auth_time: 1_790_000_000,
    name: MAI.fullName,
    // one deployment put the family name here: it must not be trusted
    given_name: 'Trần',
    family_name: 'Mai',
    birthdate: MAI.birthdate,
    gender: 'female',
  },
  userinfo: {
    sub: 'std-mai-01',
    phone_number: MAI.phone,
    phone_number_verified: true,
    email: MAI.email,
    email_verified: false,
    nationalities: ['VN'],
    vn_account_type: 'citizen',
    vn_pid: MAI.pid,
    vn_legacy_id: MAI.legacyId,
    vn_ethnicity: 'Kinh',
    vn_hometown: 'Nam Định',
    vn_permanent_address: {
      shape: '2025',
      formatted: MAI.permanent,
      ward: 'Phường Hoàn Kiếm',
      province: 'Hà Nội',
    },
    vn_current_address: MAI.current,
    vn_tax_code: MAI.taxCode,
    vn_social_insurance: MAI.socialInsurance,
    vn_health_insurance: {
      number: MAI.healthInsurance,
      ...CARD_VALIDITY,
      hospital: 'Bệnh viện Bạch Mai',
    },
    vn_driving_licence: { number: MAI.licence, classes: ['A1', 'B'], issuedOn: '2015-03-02' },
    vn_vehicle_registrations: [{ plate: MAI.plate, kind: 'ô tô', brand: 'VinFast' }, '29H1-678.90'],
    unknown_extra_claim: { anything: true },
  },
};

export const standardL1 = {
  idToken: {
    sub: 'std-mai-02',
    acr: 'urn:dinhdanh:loa:1',
    name: MAI.fullName,
    birthdate: MAI.birthdate,
    gender: 'female',
    vn_pid: MAI.pid,
  },
};

export const standardVerified = {
  idToken: { sub: 'std-mai-03', acr: 'urn:dinhdanh:loa:2' },
  userinfo: {
    sub: 'std-mai-03',
    name: 'Tran Thi Mai',
    email: MAI.email,
    verified_claims: {
      verification: { trust_framework: 'vn_vneid', assurance_level: '2' },
      claims: { name: MAI.fullName, birthdate: '17/05/1990', vn_pid: MAI.pid, gender: 'Nữ' },
    },
  },
};

export const standardForeigner = {
  idToken: {
    sub: 'std-foreigner-01',
    acr: 'urn:dinhdanh:loa:2',
    given_name: 'Claire',
    family_name: 'Dupont',
    birthdate: '1988-11-02',
    gender: 'female',
    nationalities: ['FR'],
    vn_account_type: 'foreigner',
    vn_foreigner_id: 'NN12345678',
    vn_passport: {
      number: '19AB12345',
      type: 'P',
      country: 'FR',
      issuedOn: '2019-04-01',
      expiresOn: '2029-03-31',
    },
  },
};

export const standardOrganisation = {
  idToken: { sub: 'std-org-01', acr: 'urn:dinhdanh:loa:0' },
  userinfo: {
    sub: 'std-org-01',
    vn_account_type: 'organisation',
    vn_tax_code: '0101234567',
    vn_organisation: {
      name: 'Công ty TNHH Sen Vàng',
      englishName: 'Golden Lotus Co., Ltd',
      taxCode: '0101234567',
      enterpriseCode: '0101234567',
      foundedOn: '2012-06-15',
      headOffice: '8 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh',
      representative: { name: 'Phạm Quốc Bảo', pid: REP_PID },
    },
  },
};

export const standardMinor = {
  idToken: {
    sub: 'std-khoa-01',
    acr: 'urn:dinhdanh:loa:1',
    name: 'Lê Minh Khoa',
    birthdate: '2016-09-01',
    gender: 'male',
    vn_pid: KHOA.pid,
    vn_guardian: { pid: KHOA.guardianPid, name: 'Nguyễn Thị Hoa', relationship: 'mẹ' },
  },
};

export const vneidSsoL2 = {
  idToken: { sub: 'f3a1c2d4', acr: '2', preferred_username: MAI.pid, auth_time: 1_790_000_000 },
  userinfo: {
    sub: 'f3a1c2d4',
    citizenPid: MAI.pid,
    fullName: MAI.fullName,
    birthDate: '17/05/1990',
    gender: 'Nữ',
    nationality: 'VN',
    ethnicity: 'Kinh',
    hometown: 'Nam Định',
    phoneNumber: '0912345678',
    email: MAI.email,
    permanentAddress: MAI.permanent,
    currentAddress: MAI.current,
    oldIdNumber: MAI.legacyId,
    taxCode: MAI.taxCode,
    socialInsuranceNumber: MAI.socialInsurance,
    healthInsuranceNumber: MAI.healthInsurance,
    drivingLicenceNumber: MAI.licence,
    drivingLicenceClasses: 'A1, B',
    vehiclePlates: [MAI.plate, '29H1-678.90'],
    accountType: 'CITIZEN',
    accountLevel: 2,
  },
};

export const vneidSsoOrganisation = {
  idToken: { sub: 'org-77', acr: '0', preferred_username: '0101234567' },
  userinfo: {
    sub: 'org-77',
    accountType: 'ORGANIZATION',
    accountLevel: 0,
    organizationName: 'Công ty TNHH Sen Vàng',
    organizationTaxCode: '0101234567',
    organizationAddress: '8 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh',
    representativeName: 'Phạm Quốc Bảo',
    representativePid: REP_PID,
  },
};

export const vneidSsoMinor = {
  idToken: { sub: 'khoa-9', acr: '1', preferred_username: KHOA.pid },
  userinfo: {
    sub: 'khoa-9',
    fullName: 'Lê Minh Khoa',
    birthDate: '01/09/2016',
    gender: 'Nam',
    accountType: 'CITIZEN',
    guardianPid: KHOA.guardianPid,
    guardianName: 'Nguyễn Thị Hoa',
  },
};

export const vneidPartnerL2 = {
  userinfo: {
    citizenPid: MAI.pid,
    fullName: MAI.fullName,
    birthDate: '17/05/1990',
    gender: 'Nữ',
    phoneNumber: '0912 345 678',
    accountType: 'CITIZEN',
    accountLevel: '2',
  },
};

export const vneidPartnerForeigner = {
  userinfo: {
    foreignerId: 'NN12345678',
    fullName: 'Claire Dupont',
    birthDate: '02/11/1988',
    gender: 'female',
    nationality: 'fr',
    passportNumber: '19AB12345',
    accountType: 'FOREIGNER',
    accountLevel: 1,
  },
};

export const vneidPartnerOrganisation = {
  userinfo: {
    accountType: 'ORGANIZATION',
    accountLevel: 0,
    organizationName: 'Công ty TNHH Sen Vàng',
    organizationTaxCode: '0101234567',
  },
};

const LOAS_L2 = [
  { claim: 'SoDinhDanh', level: 2, src: 'VNEID', validDate: '20240101', expired_date: '20991231' },
  { claim: 'HoVaTen', level: 1, src: 'VNEID', validDate: '20240101', expired_date: '20991231' },
];

export const dvcqgL2 = {
  idToken: { sub: 'dvc-5521', acr: 'LoA2' },
  userinfo: {
    sub: 'dvc-5521',
    SoDinhDanh: MAI.pid,
    HoVaTen: MAI.fullName,
    NgayThangNamSinh: '19900517',
    GioiTinh: '2',
    SoCMND: MAI.legacyId,
    MaSoThue: MAI.taxCode,
    MaBHXH: MAI.socialInsurance,
    ThuDienTu: MAI.email,
    SoDienThoai: '0912345678',
    QueQuan: 'Xã Hải Hậu, Tỉnh Nam Định',
    ThuongTru: MAI.permanent,
    NoiOHienNay: MAI.current,
    QuocTich: 'Việt Nam',
    DanToc: 'Kinh',
    LoaiTaiKhoan: 1,
    loAs: JSON.stringify(LOAS_L2),
  },
};

/** dvcqg without acr: the level comes from loAs. */
export const dvcqgLoAsOnly = {
  userinfo: {
    sub: 'dvc-5522',
    SoDinhDanh: MAI.pid,
    HoVaTen: MAI.fullName,
    NgayThangNamSinh: '19900517',
    GioiTinh: 2,
    LoaiTaiKhoan: '1',
    loAs: LOAS_L2,
  },
};

export const dvcqgOrganisation = {
  idToken: { sub: 'dvc-org-1', acr: 'LoA0' },
  userinfo: {
    sub: 'dvc-org-1',
    LoaiTaiKhoan: 2,
    TenDoanhNghiep: 'Công ty TNHH Sen Vàng',
    MaSoDoanhNghiep: '0101234567',
    MaSoThue: '0101234567-001',
    DiaChi: '8 Lê Thánh Tôn, Phường Sài Gòn, Thành phố Hồ Chí Minh',
  },
};

export const postidL1 = {
  idToken: { sub: 'post-88', auth_time: '1790000000' },
  userinfo: {
    sub: 'post-88',
    SoDinhDanh: MAI.pid,
    HoVaTen: MAI.fullName,
    NgayThangNamSinh: '19900517',
    GioiTinh: 2,
    SoDienThoai: '84912345678',
    ThuDienTu: MAI.email,
    XacNhan_SoDienThoai: '1',
    XacNhan_ThuDienTu: false,
    authType: 'SMS_OTP',
    LoaiTaiKhoan: 1,
    loAs: {
      claim: 'SoDinhDanh',
      level: 1,
      src: 'VNPOST',
      validDate: '20200101',
      expired_date: '20991231',
    },
  },
};
