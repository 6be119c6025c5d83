/** `postid`: Vietnam Post's Keycloak; the portal's claims plus verification flags and `authType`. */
import type { AttributeName } from '@dinhdanh/core';
import { accountTypeCode, loAs, PORTAL_CLAIM_NAMES, portalAcr, portalClaims } from './dvcqg';
import { defined, type DialectWriter } from './types';

/** The postid dialect. */
export const postidDialect: DialectWriter = {
  name: 'postid',
  ...portalAcr,
  idTokenExtras: () => ({}),
  accountClaims: (p) =>
    defined({
      LoaiTaiKhoan: accountTypeCode(p),
      loAs: loAs(p, 'VNPOST'),
      authType: p.authType ?? (p.level >= 2 ? 'SMART_OTP' : 'SMS_OTP'),
    }),
  claims(p, granted: ReadonlySet<AttributeName>) {
    const a = p.attributes;
    return defined({
      ...portalClaims(p, granted),
      XacNhan_SoDienThoai:
        granted.has('phone') && a.phone !== undefined ? (a.phoneVerified ?? false) : undefined,
      XacNhan_ThuDienTu:
        granted.has('email') && a.email !== undefined ? (a.emailVerified ?? false) : undefined,
    });
  },
  claimNames: { ...PORTAL_CLAIM_NAMES, XacNhan_SoDienThoai: 'phone', XacNhan_ThuDienTu: 'email' },
};
