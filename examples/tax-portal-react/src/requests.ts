/**
 * The logins the portal may start, by name: plain data, imported by the server
 * (`dinhdanh({ requests })`) and by the React client (`<ConsentNotice>`).
 */
import type { AttributeName, NamedLoginRequests } from '@dinhdanh/core';

/** What the tax declaration asks the citizen to share, and why. */
export const requests = {
  taxFiling: {
    level: 1,
    claims: ['name', 'birthdate', 'taxCode', 'phone', 'email', 'address'],
    required: ['name'],
    purpose: 'Kê khai và nộp tờ khai thuế thu nhập cá nhân',
  },
} satisfies NamedLoginRequests;

/** What `GET /auth/me` shows the browser: exactly what the form prefills. */
export const ME_ATTRIBUTES = [
  'name',
  'birthdate',
  'taxCode',
  'phone',
  'email',
  'address',
] as const satisfies readonly AttributeName[];

/** The level a declaration needs to be submitted. */
export const SUBMIT_LEVEL = 2;
