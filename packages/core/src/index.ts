/**
 * @packageDocumentation
 * `@dinhdanh/core` — accept Vietnamese national e-identity logins (VNeID, PostID, any
 * OpenID Connect national e-ID) on any JavaScript runtime: verified tokens, assurance
 * levels and typed, consented citizen attributes.
 */
export { DinhDanhError, ERROR_CODES, isDinhDanhError } from './errors';
export type { DinhDanhErrorCode, DinhDanhErrorOptions } from './errors';
export { redact } from './redact';
