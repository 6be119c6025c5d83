/**
 * Internal: how every claims primitive reports a bad value. The path names the wire field
 * (`userinfo.NgayThangNamSinh`), the message says what was expected; neither ever contains
 * the value itself (it is personal data).
 */
import { DinhDanhError } from '../errors';

/** Throws `claims_invalid` for the field at `path`. */
export function invalid(path: string, expected: string): never {
  throw new DinhDanhError(
    'claims_invalid',
    `The identity provider sent an invalid value at "${path}": expected ${expected}. Check the provider profile's dialect.`,
    { path },
  );
}

/** Throws `claims_missing` for a field that must be present. */
export function missing(path: string, what: string): never {
  throw new DinhDanhError(
    'claims_missing',
    `The identity provider did not send ${what} ("${path}"). Check the scopes and the provider profile's dialect.`,
    { path },
  );
}
