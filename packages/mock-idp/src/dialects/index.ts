/** The dialect writers, by name. */
import type { Dialect } from '../options';
import { dvcqgDialect } from './dvcqg';
import { postidDialect } from './postid';
import { standardDialect } from './standard';
import type { DialectWriter } from './types';
import { vneidSsoDialect } from './vneid-sso';
import { vneidPartnerDialect } from './vneid-partner';

/** Every dialect the mock speaks. */
export const DIALECTS: Readonly<Record<Dialect, DialectWriter>> = {
  standard: standardDialect,
  'vneid-sso': vneidSsoDialect,
  dvcqg: dvcqgDialect,
  postid: postidDialect,
  'vneid-partner': vneidPartnerDialect,
};

export type { DialectWriter } from './types';
