/**
 * RSAES-PKCS1-v1_5 decryption with implicit rejection (draft-irtf-cfrg-rsa-guidance), on
 * every backend this runtime offers, against OpenSSL's published vectors: a valid block
 * gives its message, an invalid one the synthetic message OpenSSL 3.2+ gives, byte for byte.
 */
import { createHash, createHmac, createPrivateKey, constants, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importPartnerPrivateKey } from '@dinhdanh/core/vneid-partner';
import { resolveBackend } from '../../../src/vneid-partner/backend/detect';
import { implicitRejectionDecrypt } from '../../../src/vneid-partner/backend/pkcs1';
import { RSA_2049, RSA_3072, VECTORS } from './openssl-vectors.fixture';

const KEYS = { RSA_2049, RSA_3072 } as const;
const imported = {
  RSA_2049: importPartnerPrivateKey(RSA_2049),
  RSA_3072: importPartnerPrivateKey(RSA_3072),
};
const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const toHex = (data: Uint8Array): string => Buffer.from(data).toString('hex');

describe.each(['node', 'forge'] as const)('PKCS#1 v1.5 decryption, %s backend', (choice) => {
  for (const vector of VECTORS) {
    it(`${vector.valid ? 'valid' : 'invalid'}: ${vector.name}`, async () => {
      const backend = await resolveBackend(choice);
      const out = backend.rsa.decrypt(imported[vector.key], bytes(vector.input));
      expect(toHex(out)).toBe(vector.output);
    });
  }

  it('refuses a ciphertext longer than the modulus (public, not an oracle)', async () => {
    const backend = await resolveBackend(choice);
    expect(() => backend.rsa.decrypt(imported.RSA_2049, new Uint8Array(258).fill(1))).toThrow();
  });
});

describe('valid and invalid blocks take the same path', () => {
  // The same decryption as the node backend's, with every primitive call recorded.
  function traced(trace: string[]) {
    const objects = new Map<string, ReturnType<typeof createPrivateKey>>();
    return implicitRejectionDecrypt(
      (key, ciphertext) => {
        trace.push(`raw ${String(ciphertext.length)}`);
        const pem = key.bits === 2049 ? KEYS.RSA_2049 : KEYS.RSA_3072;
        const object = objects.get(pem) ?? createPrivateKey(pem);
        objects.set(pem, object);
        return new Uint8Array(
          privateDecrypt({ key: object, padding: constants.RSA_NO_PADDING }, ciphertext),
        );
      },
      (key, parts) => {
        trace.push(`hmac ${String(key.length)} ${parts.map((p) => p.length).join('+')}`);
        const hmac = createHmac('sha256', key);
        for (const part of parts) hmac.update(part);
        return new Uint8Array(hmac.digest());
      },
      (data) => {
        trace.push(`sha256 ${String(data.length)}`);
        return new Uint8Array(createHash('sha256').update(data).digest());
      },
    );
  }

  it('the same primitive calls, in the same order, with the same sizes', () => {
    const traces = VECTORS.filter((v) => v.key === 'RSA_2049').map((vector) => {
      const trace: string[] = [];
      const decrypt = traced(trace);
      const out = decrypt(imported.RSA_2049, bytes(vector.input));
      expect(toHex(out)).toBe(vector.output);
      return { valid: vector.valid, trace: trace.filter((t) => !t.startsWith('sha256')) };
    });
    const valid = traces.filter((t) => t.valid);
    const invalid = traces.filter((t) => !t.valid);
    expect(valid.length).toBeGreaterThan(0);
    expect(invalid.length).toBeGreaterThan(0);
    // raw RSA, the KDK, 9 blocks of the "message" PRF (257 bytes), 8 of the "length" PRF.
    expect(valid[0]?.trace).toHaveLength(1 + 1 + 9 + 8);
    for (const t of traces) expect(t.trace).toEqual(valid[0]?.trace);
  });
});
