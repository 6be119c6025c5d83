/**
 * @packageDocumentation
 * `@dinhdanh/express` — national e-identity login for Express 5 and 4.21+ apps: core's
 * web handlers mounted under a base path, typed `req.identity` / `req.session`, and the
 * `requireIdentity` / `requireBearer` gates.
 */
// Type-only, so the bundler has no side-effect import to drop (and warn about), while the
// declaration bundle keeps the `declare global` block that types req.identity.
export type {} from './augment';

export { dinhdanh } from './dinhdanh';
export type { DinhDanhMiddleware, DinhDanhOptions } from './dinhdanh';
export { requireIdentity } from './require-identity';
export type { RequireIdentityOptions } from './require-identity';
export { requireBearer } from './require-bearer';
export type { RequireBearerOptions } from './require-bearer';
export type { Next } from './respond';
export { DinhDanhError, isDinhDanhError } from '@dinhdanh/core';
export type {
  AuthHandlersOptions,
  AuthSessionOptions,
  DinhDanhErrorCode,
  Identity,
  NamedLoginRequests,
  OnLogin,
  OnLoginOutcome,
  Session,
} from '@dinhdanh/core';
