/**
 * What the kiosk asks, by flow: plain data, imported by the server (`dinhdanh({ requests })`)
 * and by the React client (`<ConsentNotice>`).
 */
import type { AttributeName, NamedLoginRequests } from '@dinhdanh/core';

/** The purpose both flows state to the citizen. */
export const PURPOSE = 'Tra cứu và thanh toán hoá đơn tiền điện';

/** Login by QR code (device authorization grant, VNeID SSO). */
export const deviceRequests = {
  default: { level: 1, claims: ['name', 'address'], required: ['name'], purpose: PURPOSE },
} satisfies NamedLoginRequests;

/** VNeID share transaction (partner profile): the purpose is required. */
export const shareRequests = {
  default: { level: 1, claims: ['name', 'address'], required: ['name'], purpose: PURPOSE },
} satisfies NamedLoginRequests;

/** What `GET …/me` shows the kiosk. */
export const ME_ATTRIBUTES = ['name', 'address'] as const satisfies readonly AttributeName[];

/** Where the share flow's routes live (the device flow's are under `/auth`). */
export const SHARE_BASE = '/vneid';
