/**
 * Internal: the National Public Service Portal's PascalCase Vietnamese claims, shared by
 * the DVCQG and PostID dialects.
 */
import { DinhDanhError } from '../../errors';
import { parseAddress } from '../address';
import { normalizeDate } from '../dates';
import { normalizeSocialInsuranceNumber } from '../documents';
import { normalizeEmail } from '../email';
import { invalid } from '../fail';
import { normalizeGender } from '../gender';
import type { AccountType, Address, IdentityAttributes, Organisation } from '../identity';
import { normalizeLegacyId } from '../legacy-id';
import { toPersonName } from '../name';
import { normalizeNationality } from '../nationality';
import { normalizeEnterpriseCode } from '../organisation';
import { normalizePhone } from '../phone';
import { normalizePid } from '../pid';
import { normalizeTaxCode } from '../tax-code';
import { prune, readText } from '../text';
import {
  inferAccountType,
  readAcr,
  readAmr,
  readAuthTime,
  readSubject,
  type DialectReading,
  type NormalizeContext,
} from './common';
import { readLoAs } from './loas';
import type { WireClaims } from './source';

const text = (value: unknown, path: string) => readText(value, path);

/** `LoaiTaiKhoan`: 1 citizen, 2 organisation, 3 foreigner. */
function readAccountType(value: unknown, path: string): AccountType {
  const code = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
  if (code === '1') return 'citizen';
  if (code === '2') return 'organisation';
  if (code === '3') return 'foreigner';
  return invalid(path, '1 (citizen), 2 (organisation) or 3 (foreigner)');
}

function readOrganisation(
  claims: WireClaims,
  taxCode: string | undefined,
): Organisation | undefined {
  const name = claims.read('TenDoanhNghiep', text);
  const enterpriseCode = claims.read('MaSoDoanhNghiep', normalizeEnterpriseCode);
  const headOffice = claims.read('DiaChi', parseAddress);
  if (name === undefined) {
    if (enterpriseCode !== undefined || headOffice !== undefined) {
      return invalid(
        claims.pathOf('TenDoanhNghiep', ['MaSoDoanhNghiep', 'DiaChi']),
        "the organisation's name with its other fields",
      );
    }
    return undefined;
  }
  return prune<Organisation>({ name, taxCode, enterpriseCode, headOffice });
}

/** Reads the portal's claims; `extra` adds what a dialect has beyond them. */
export function readPascal(claims: WireClaims, context: NormalizeContext): DialectReading {
  const declared = claims.read('LoaiTaiKhoan', readAccountType);
  const taxCode = claims.read('MaSoThue', normalizeTaxCode);
  const fullName = claims.get('HoVaTen');
  const addresses = prune<{ permanent?: Address; current?: Address }>({
    permanent: claims.read('ThuongTru', parseAddress),
    current: claims.read('NoiOHienNay', parseAddress),
  });
  const attributes = prune<IdentityAttributes>({
    pid: claims.read('SoDinhDanh', normalizePid),
    legacyId: claims.read('SoCMND', normalizeLegacyId),
    name:
      fullName === undefined
        ? undefined
        : toPersonName(fullName.value, fullName.path, { split: declared !== 'foreigner' }),
    birthdate: claims.read('NgayThangNamSinh', normalizeDate),
    gender: claims.read('GioiTinh', normalizeGender),
    nationality: claims.read('QuocTich', normalizeNationality),
    ethnicity: claims.read('DanToc', text),
    hometown: claims.read('QueQuan', text),
    phone: claims.read('SoDienThoai', normalizePhone),
    email: claims.read('ThuDienTu', normalizeEmail),
    address: Object.keys(addresses).length > 0 ? addresses : undefined,
    taxCode,
    socialInsurance: claims.read('MaBHXH', normalizeSocialInsuranceNumber),
    organisation: readOrganisation(claims, taxCode),
  });
  const session = claims.authentication();
  const { acr, level } = readAcr(session, context);
  // loAs dates are Vietnamese calendar days: today in Asia/Ho_Chi_Minh (UTC+7, no DST).
  const ms = (context.now ?? Date.now)() + 7 * 3600_000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) {
    throw new DinhDanhError(
      'input_invalid',
      'context.now must return milliseconds since the epoch.',
      {
        path: 'context.now',
      },
    );
  }
  const today = new Date(ms).toISOString().slice(0, 10);
  return prune<DialectReading>({
    subject: readSubject(claims),
    acr,
    level: level ?? claims.read('loAs', (v, p) => readLoAs(v, p, today)) ?? 0,
    amr: session.read('amr', readAmr),
    authTime: session.read('auth_time', readAuthTime),
    accountType: declared ?? inferAccountType(attributes),
    attributes,
    pidPath: claims.get('SoDinhDanh')?.path,
  });
}
