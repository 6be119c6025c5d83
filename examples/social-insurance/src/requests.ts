/**
 * What the app asks the identity provider for, and why: written once, here, on the server
 * (a link can only pick a request by name, never choose attributes or the purpose).
 */
import type { AttributeName, NamedLoginRequest } from '@dinhdanh/core';

/** The citizen's own login: their insurance numbers from the integrated documents. */
export const OWN_RECORD = {
  level: 2,
  claims: ['name', 'pid', 'birthdate', 'socialInsurance', 'healthInsurance'],
  required: ['name', 'pid'],
  purpose:
    'Tra cứu mã số bảo hiểm xã hội và thẻ bảo hiểm y tế của bạn trên ứng dụng Bảo hiểm xã hội số.',
} as const satisfies NamedLoginRequest;

/**
 * The child's account, opened by the guardian: the child's insurance card and the guardian
 * named on the account (Law 91/2025: a child's data needs the legal representative's consent).
 */
export const MINOR_RECORD = {
  level: 2,
  claims: ['name', 'birthdate', 'healthInsurance', 'socialInsurance', 'guardian'],
  required: ['name', 'birthdate', 'guardian'],
  purpose:
    'Cha, mẹ hoặc người giám hộ tra cứu thẻ bảo hiểm y tế của con dưới 14 tuổi trên Bảo hiểm xã hội số.',
} as const satisfies NamedLoginRequest;

/** The named requests of `createAuthHandlers`: `/auth/login` and `/auth/login?request=minor`. */
export const REQUESTS = { default: OWN_RECORD, minor: MINOR_RECORD } as const;

/** The login link of the child's record: another account, so the provider must let the guardian choose it. */
export const MINOR_LOGIN_PATH =
  '/auth/login?request=minor&prompt=select_account&returnTo=/children';

/** Whether a login asked for the guardian named on the account: the child's login. */
export function isMinorLogin(requested: readonly AttributeName[]): boolean {
  return requested.includes('guardian');
}
