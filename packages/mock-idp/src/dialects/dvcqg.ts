/** `dvcqg`: the National Public Service Portal's PascalCase Vietnamese claims, acr LoA1/LoA2. */
import type { AssuranceLevel, AttributeName } from '@dinhdanh/core';
import type { Persona } from '../personas/schema';
import { addressLine, dateCompact, phoneNational } from './format';
import { defined, levelFromTable, type DialectWriter } from './types';

const ACR: Record<AssuranceLevel, string> = { 0: 'LoA0', 1: 'LoA1', 2: 'LoA2' };
const ACCOUNT_TYPE = { citizen: 1, organisation: 2, foreigner: 3 } as const;

/** The `loAs` entries: which source vouched for which level (`src` VNEID or VNPOST). */
export function loAs(p: Persona, src: 'VNEID' | 'VNPOST'): Record<string, unknown>[] {
  return [
    {
      claim: p.accountType === 'organisation' ? 'MaSoDoanhNghiep' : 'SoDinhDanh',
      level: p.level,
      src,
      validDate: '20240701',
      expired_date: '20340701',
    },
  ];
}

/** The PascalCase claims shared by dvcqg and postid. */
export function portalClaims(
  p: Persona,
  granted: ReadonlySet<AttributeName>,
): Record<string, unknown> {
  const a = p.attributes;
  const has = (n: AttributeName) => granted.has(n);
  const org = has('organisation') ? a.organisation : undefined;
  return defined({
    SoDinhDanh: has('pid') ? a.pid : has('foreignerId') ? a.foreignerId : undefined,
    HoVaTen: has('name') ? a.name?.full : undefined,
    NgayThangNamSinh: has('birthdate') ? dateCompact(a.birthdate) : undefined,
    GioiTinh: has('gender') && a.gender !== undefined ? (a.gender === 'male' ? 1 : 2) : undefined,
    SoCMND: has('legacyId') ? a.legacyId : undefined,
    MaSoThue: has('taxCode') ? a.taxCode : org?.taxCode,
    MaBHXH: has('socialInsurance') ? a.socialInsurance : undefined,
    ThuDienTu: has('email') ? a.email : undefined,
    SoDienThoai: has('phone') ? phoneNational(a.phone) : undefined,
    QueQuan: has('hometown') ? a.hometown : undefined,
    ThuongTru: has('address') ? addressLine(a.address?.permanent) : undefined,
    NoiOHienNay: has('address') ? addressLine(a.address?.current) : undefined,
    QuocTich: has('nationality') ? a.nationality : undefined,
    DanToc: has('ethnicity') ? a.ethnicity : undefined,
    MaSoDoanhNghiep: org?.enterpriseCode,
    TenDoanhNghiep: org?.name,
    DiaChi: addressLine(org?.headOffice),
  });
}

/** Claim names shared by dvcqg and postid. */
export const PORTAL_CLAIM_NAMES: Readonly<Record<string, AttributeName>> = {
  SoDinhDanh: 'pid',
  HoVaTen: 'name',
  NgayThangNamSinh: 'birthdate',
  GioiTinh: 'gender',
  SoCMND: 'legacyId',
  MaSoThue: 'taxCode',
  MaBHXH: 'socialInsurance',
  ThuDienTu: 'email',
  SoDienThoai: 'phone',
  QueQuan: 'hometown',
  ThuongTru: 'address',
  NoiOHienNay: 'address',
  QuocTich: 'nationality',
  DanToc: 'ethnicity',
  MaSoDoanhNghiep: 'organisation',
  TenDoanhNghiep: 'organisation',
  DiaChi: 'organisation',
};

/** acr of the portal dialects. */
export const portalAcr = {
  acr: (level: AssuranceLevel) => ACR[level],
  level: (acr: string) => levelFromTable(ACR, acr),
};

/** The account type code `LoaiTaiKhoan`. */
export function accountTypeCode(p: Persona): number {
  return ACCOUNT_TYPE[p.accountType];
}

/** The dvcqg dialect. */
export const dvcqgDialect: DialectWriter = {
  name: 'dvcqg',
  ...portalAcr,
  idTokenExtras: () => ({}),
  accountClaims: (p) => ({ LoaiTaiKhoan: accountTypeCode(p), loAs: loAs(p, 'VNEID') }),
  claims: portalClaims,
  claimNames: PORTAL_CLAIM_NAMES,
};
