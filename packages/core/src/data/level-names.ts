import type { AssuranceLevel } from '../claims/identity';

/**
 * The names of the assurance levels (Decree 69/2024), Vietnamese first, for screens that
 * say which level a service needs. Level 0 is an account without a level (organisations).
 *
 * @example
 * ```ts
 * LEVEL_NAMES[2].vi; // 'Mức độ 2'
 * ```
 */
export const LEVEL_NAMES = {
  0: { vi: 'Tài khoản không có mức độ', en: 'Account without a level' },
  1: { vi: 'Mức độ 1', en: 'Level 1' },
  2: { vi: 'Mức độ 2', en: 'Level 2' },
} as const satisfies Record<AssuranceLevel, { readonly vi: string; readonly en: string }>;
