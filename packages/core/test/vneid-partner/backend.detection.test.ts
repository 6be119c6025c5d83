import { describe, expect, it } from 'vitest';
import { partnerCryptoBackend } from '@dinhdanh/core/vneid-partner';

// What the platform itself says, measured the same way the module does, independently.
async function platformDecryptsPkcs1(): Promise<boolean> {
  const crypto = await import('node:crypto');
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const padding = crypto.constants.RSA_PKCS1_PADDING;
  const ciphertext = crypto.publicEncrypt({ key: publicKey, padding }, new Uint8Array([1, 2, 3]));
  try {
    crypto.privateDecrypt({ key: privateKey, padding }, ciphertext);
    return true;
  } catch {
    return false;
  }
}

describe('partnerCryptoBackend', () => {
  it('uses node:crypto for RSA, and lets the platform remove the padding only where it rejects implicitly', async () => {
    const info = await partnerCryptoBackend();
    expect(info.requested).toBe('auto');
    expect(info.rsa).toBe('node');
    expect(info.implicitRejection).toBe(true);
    expect(info.rsaPadding).toBe((await platformDecryptsPkcs1()) ? 'platform' : 'dinhdanh');
    expect(info.reason.length).toBeGreaterThan(10);
  });

  it.runIf(
    process.versions.node.startsWith('20.') &&
      !process.execArgv.some((a) => a.includes('security-revert')),
  )(
    'on Node 20 (PKCS#1 v1.5 refused since CVE-2023-46809) uses the raw RSA operation with dinhdanh implicit rejection',
    async () => {
      const info = await partnerCryptoBackend();
      expect(info).toMatchObject({
        rsa: 'node',
        aes: 'node',
        implicitRejection: true,
        rsaPadding: 'dinhdanh',
      });
      expect(info.reason).toContain('refuses');
      await expect(partnerCryptoBackend('node')).resolves.toMatchObject({ rsa: 'node' });
    },
  );

  it('forge is always available when asked for', async () => {
    await expect(partnerCryptoBackend('forge')).resolves.toMatchObject({
      requested: 'forge',
      rsa: 'forge',
      aes: 'forge',
      implicitRejection: true,
      rsaPadding: 'dinhdanh',
    });
  });

  it('refuses an unknown backend name', async () => {
    await expect(partnerCryptoBackend('openssl' as 'node')).rejects.toMatchObject({
      code: 'config_invalid',
    });
  });
});
