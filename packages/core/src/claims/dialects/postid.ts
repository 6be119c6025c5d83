/**
 * The PostID dialect (Vietnam Post, Keycloak): the portal's claims plus `authType`,
 * `XacNhan_SoDienThoai` / `XacNhan_ThuDienTu` (phone / e-mail verified).
 */
import { invalid } from '../fail';
import { readBoolean, type DialectReading, type NormalizeContext } from './common';
import { readPascal } from './pascal';
import { WireClaims, type ClaimSources } from './source';

/** `authType` as RFC 8176 authentication method references. */
const AUTH_TYPES: Readonly<Record<string, string[]>> = {
  SMS_OTP: ['sms', 'otp'],
  SMART_OTP: ['swk', 'otp'],
};

function readAuthType(value: unknown, path: string): string[] {
  const key = typeof value === 'string' ? value.trim().toUpperCase() : '';
  const amr = Object.hasOwn(AUTH_TYPES, key) ? AUTH_TYPES[key] : undefined;
  return amr === undefined ? invalid(path, 'SMS_OTP or SMART_OTP') : [...amr];
}

/** Reads the PostID dialect. */
export function readPostid(sources: ClaimSources, context: NormalizeContext): DialectReading {
  const claims = WireClaims.of(sources);
  const reading = readPascal(claims, context);
  const { attributes } = reading;
  if (attributes.phone !== undefined) {
    const verified = claims.read('XacNhan_SoDienThoai', readBoolean);
    if (verified !== undefined) attributes.phoneVerified = verified;
  }
  if (attributes.email !== undefined) {
    const verified = claims.read('XacNhan_ThuDienTu', readBoolean);
    if (verified !== undefined) attributes.emailVerified = verified;
  }
  const amr = claims.read('authType', readAuthType);
  if (reading.amr === undefined && amr !== undefined) reading.amr = amr;
  return reading;
}
