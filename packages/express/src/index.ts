/**
 * @packageDocumentation
 * `@dinhdanh/express` — the Express 5 adapter over `@dinhdanh/core`'s web handlers.
 * Not built yet: it follows once the core engine is proven (see the project's issues).
 * Until then it re-exports core's error type, so an Express app can already branch on codes.
 */
export { DinhDanhError, isDinhDanhError } from '@dinhdanh/core';
export type { DinhDanhErrorCode } from '@dinhdanh/core';
