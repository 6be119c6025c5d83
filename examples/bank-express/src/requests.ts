/**
 * The two logins the bank asks for: see your accounts (level 1, your name and how to reach
 * you), and open an account (level 2, the identity a bank must check before opening one).
 */
import type { NamedLoginRequests } from '@dinhdanh/core';

/** Named login requests, by name; `/auth/login?request=open-account` picks the second. */
export const LOGIN_REQUESTS = {
  default: {
    level: 1,
    claims: ['name', 'phone', 'email'],
    required: ['name'],
    purpose: 'Chào bạn bằng tên và liên hệ với bạn về các giao dịch trên tài khoản.',
  },
  'open-account': {
    level: 2,
    claims: ['pid', 'name', 'birthdate', 'address'],
    required: ['pid', 'name', 'birthdate', 'address'],
    purpose:
      'Nhận biết khách hàng trước khi mở tài khoản thanh toán (Luật Phòng, chống rửa tiền 2022; Thông tư 17/2024/TT-NHNN).',
  },
} as const satisfies NamedLoginRequests;

/** The attributes opening an account needs. */
export const OPEN_ACCOUNT_ATTRIBUTES = LOGIN_REQUESTS['open-account'].claims;
