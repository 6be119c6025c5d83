/**
 * @packageDocumentation
 * `@dinhdanh/mock-idp` — a real OpenID Provider for development and CI.
 */
export type { DinhDanhErrorCode } from '@dinhdanh/core';
