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
  it('picks node for RSA exactly when the platform permits PKCS#1 v1.5 decryption', async () => {
    const info = await partnerCryptoBackend();
    expect(info.requested).toBe('auto');
    expect(info.rsa).toBe((await platformDecryptsPkcs1()) ? 'node' : 'forge');
    expect(info.reason.length).toBeGreaterThan(10);
  });

  it.runIf(
    process.versions.node.startsWith('20.') &&
      !process.execArgv.some((a) => a.includes('security-revert')),
  )(
    'on Node 20 detects the node RSA path as unavailable (CVE-2023-46809) and falls back to forge',
    async () => {
      const info = await partnerCryptoBackend();
      expect(info).toMatchObject({ rsa: 'forge', aes: 'node', implicitRejection: false });
      expect(info.reason).toContain('refuses');
      await expect(partnerCryptoBackend('node')).rejects.toMatchObject({
        code: 'runtime_unsupported',
      });
    },
  );

  it('forge is always available when asked for', async () => {
    await expect(partnerCryptoBackend('forge')).resolves.toMatchObject({
      requested: 'forge',
      rsa: 'forge',
      aes: 'forge',
    });
  });

  it('refuses an unknown backend name', async () => {
    await expect(partnerCryptoBackend('openssl' as 'node')).rejects.toMatchObject({
      code: 'config_invalid',
    });
  });
});
