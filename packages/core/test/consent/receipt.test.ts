/**
 * Consent receipts: signed with the relying party's own key at login, verified later with
 * one call, refused when anything is altered; the citizen appears only by a keyed pseudonym.
 */
import { exportJWK, generateKeyPair, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  createConsentReceipt,
  verifyConsentReceipt,
  withdrawConsent,
  type ConsentWithdrawal,
  type PrivateJwk,
} from '@dinhdanh/core';

const PID = '001085012345';
const NOW = Date.parse('2026-12-03T08:00:00Z');

async function signingKey(kid = 'receipts-1'): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid } as PrivateJwk;
}

const login = {
  identity: { subject: PID, issuer: 'https://sso.dichvucong.gov.vn' },
  consent: {
    requested: ['name', 'pid', 'healthInsurance'],
    granted: ['name', 'pid', 'healthInsurance'],
    required: ['pid'],
    purpose: 'Mở tài khoản thanh toán',
    provider: 'dvcqg',
    level: 2,
    at: new Date(NOW).toISOString(),
  },
} as const;

const controller = { name: 'Ngân hàng Thử nghiệm', email: 'dpo@bank.example' };

/** Re-encodes the payload segment with one change, keeping the original signature. */
function tamper(receipt: string, change: (payload: Record<string, unknown>) => void): string {
  const [header, payload, signature] = receipt.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  change(claims);
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('consent receipts', () => {
  it('records who (pseudonym), what, why, when, provider and level, and verifies', async () => {
    const key = await signingKey();
    const receipt = await createConsentReceipt(login, { key, controller, now: () => NOW });
    expect(decodeProtectedHeader(receipt)).toMatchObject({
      alg: 'ES256',
      kid: 'receipts-1',
      typ: 'consent-receipt+jwt',
    });
    expect(receipt).not.toContain(PID);
    expect(JSON.stringify(decodeJwt(receipt))).not.toContain(PID);

    const verified = await verifyConsentReceipt(receipt, { key });
    expect(verified.consent).toEqual({ ...login.consent, issuer: login.identity.issuer });
    expect(verified.version).toBe('KI-CR-v1.1.0');
    expect(verified.consentTimestamp).toBe(NOW / 1000);
    expect(verified.piiControllers[0]).toEqual({
      piiController: controller.name,
      email: controller.email,
    });
    expect(verified.services[0]?.purposes[0]).toMatchObject({
      purpose: 'Mở tài khoản thanh toán',
      consentType: 'EXPLICIT',
      piiCategory: ['name', 'pid', 'healthInsurance'],
    });
    expect(verified.sensitive).toBe(true);
    expect(verified.spiCat).toEqual(['healthInsurance']);
    expect(verified.sub).not.toBe(PID);
    expect(verified.sub).toBe(verified.piiPrincipalId);
  });

  it('verifies with the public key alone, and matches the citizen with the private key', async () => {
    const key = await signingKey();
    const receipt = await createConsentReceipt(login, { key, controller });
    const { d: _d, ...rest } = key;
    const publicKey = rest as JWK;
    await expect(verifyConsentReceipt(receipt, { key: publicKey })).resolves.toBeDefined();
    await expect(
      verifyConsentReceipt(receipt, { key, subject: login.identity }),
    ).resolves.toBeDefined();
    await expect(
      verifyConsentReceipt(receipt, {
        key,
        subject: { ...login.identity, subject: '001085012346' },
      }),
    ).rejects.toMatchObject({ code: 'consent_receipt_invalid' });
    await expect(
      verifyConsentReceipt(receipt, { key: publicKey, subject: login.identity }),
    ).rejects.toMatchObject({ code: 'input_invalid' });
  });

  const alterations: [string, (p: Record<string, unknown>) => void][] = [
    [
      'granted',
      (p) => ((p.consent as { granted: string[] }).granted = ['name', 'pid', 'portrait']),
    ],
    ['purpose', (p) => ((p.consent as { purpose: string }).purpose = 'Quảng cáo')],
    ['level', (p) => ((p.consent as { level: number }).level = 1)],
    ['time', (p) => (p.consentTimestamp = 0)],
    ['subject', (p) => (p.sub = 'someone-else')],
  ];
  for (const [what, change] of alterations) {
    it(`fails when the ${what} is altered`, async () => {
      const key = await signingKey();
      const receipt = await createConsentReceipt(login, { key, controller });
      await expect(verifyConsentReceipt(tamper(receipt, change), { key })).rejects.toMatchObject({
        code: 'consent_receipt_invalid',
      });
    });
  }

  it('fails with another key, and for something that is not a receipt', async () => {
    const receipt = await createConsentReceipt(login, { key: await signingKey(), controller });
    const other = await signingKey();
    await expect(verifyConsentReceipt(receipt, { key: other })).rejects.toMatchObject({
      code: 'consent_receipt_invalid',
    });
    await expect(verifyConsentReceipt('not.a.receipt', { key: other })).rejects.toMatchObject({
      code: 'consent_receipt_invalid',
    });
  });

  it('withdrawal hands the verified receipt to onConsentWithdrawn, and only a genuine one', async () => {
    const key = await signingKey();
    const receipt = await createConsentReceipt(login, { key, controller });
    const seen: ConsentWithdrawal[] = [];
    const withdrawal = await withdrawConsent(receipt, {
      key,
      now: () => NOW + 86_400_000,
      onConsentWithdrawn: (w) => {
        seen.push(w);
      },
    });
    expect(seen).toEqual([withdrawal]);
    expect(withdrawal.withdrawnAt).toBe('2026-12-04T08:00:00.000Z');
    expect(withdrawal.receipt.consent.granted).toEqual(login.consent.granted);
    await expect(
      withdrawConsent(
        tamper(receipt, (p) => (p.iat = 1)),
        {
          key,
          onConsentWithdrawn: (w) => {
            seen.push(w);
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'consent_receipt_invalid' });
    expect(seen).toHaveLength(1);
  });
});
