/** msw 2 handlers for the mock identity provider. */
export type { DinhDanhErrorCode } from '@dinhdanh/core';
