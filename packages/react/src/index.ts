/**
 * @packageDocumentation
 * `@dinhdanh/react` — React 19 provider, hooks and components (backend-for-frontend).
 * Not built yet: it follows once the core engine is proven (see the project's issues).
 * It depends on core's types only, never its runtime.
 */
export type { DinhDanhErrorCode } from '@dinhdanh/core';
