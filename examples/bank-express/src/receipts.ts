/**
 * Consent receipts: each login's consent record, signed with the bank's own key
 * (`createConsentReceipt`) and checked again when shown (`verifyConsentReceipt`).
 */
import { generateKeyPairSync } from 'node:crypto';
import {
  createConsentReceipt,
  verifyConsentReceipt,
  type ConsentReceipt,
  type LoginResult,
  type PrivateJwk,
} from '@dinhdanh/core';

/** Who answers for the data the bank collects. */
const CONTROLLER = {
  name: 'Ngân hàng Demo',
  contact: 'Bộ phận bảo vệ dữ liệu cá nhân',
  email: 'dpo@nganhang-demo.example',
};

/** Signs and checks the bank's consent receipts. */
export interface Receipts {
  sign(result: LoginResult): Promise<string>;
  /** The receipt's content, or `undefined` when it does not verify (e.g. signed before a restart). */
  read(receipt: string): Promise<ConsentReceipt | undefined>;
}

/**
 * Receipts signed with a P-256 key made at start-up. A real bank keeps this key in its key
 * store, so receipts stay verifiable across restarts and instances.
 */
export function createReceipts(now: () => number): Receipts {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'bank-demo-receipts',
    alg: 'ES256',
  } as PrivateJwk;
  return {
    sign: (result) =>
      createConsentReceipt(result, {
        key,
        controller: CONTROLLER,
        service: 'Ngân hàng Demo: tài khoản thanh toán',
        termination: 'Đến khi bạn rút lại sự đồng ý hoặc đóng tài khoản',
        now,
      }),
    read: (receipt) => verifyConsentReceipt(receipt, { key }).catch(() => undefined),
  };
}
