/** E-mail addresses. */
import * as z from 'zod/mini';
import { invalid } from './fail';

const EMAIL = z.email();

/**
 * Reads an e-mail address: trimmed, domain in lower case, checked against the same rule
 * as the `Identity` schema.
 *
 * @param value - the wire value.
 * @param path - the wire field, named in errors.
 * @returns the address.
 * @throws DinhDanhError `claims_invalid` at `path` if it is not an e-mail address.
 * @example
 * ```ts
 * normalizeEmail(' An.Nguyen@Example.VN '); // 'An.Nguyen@example.vn'
 * ```
 */
export function normalizeEmail(value: unknown, path = 'email'): string {
  if (typeof value === 'string' && value.length <= 320) {
    const text = value.trim();
    const at = text.lastIndexOf('@');
    const email = at < 0 ? text : text.slice(0, at) + text.slice(at).toLowerCase();
    if (EMAIL.safeParse(email).success) return email;
  }
  return invalid(path, 'an e-mail address');
}
