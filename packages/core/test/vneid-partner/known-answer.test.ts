/**
 * Known answers built WITHOUT core (issue 17 part 5): envelopes and encrypted codes made here
 * with node:crypto directly, following the wire format of DOMAIN.md dialect 5, then opened by
 * core and compared to the byte. A misreading shared by core's `sealEnvelope` and its
 * `openEnvelope` (the mock uses both) cannot pass this.
 *
 * Derivation: the AES key is the fixed bytes 0x00..0x1f (first 16/24/32 of them), the CBC IV
 * 0xa0..0xaf; `key`/`encrypt_key` = base64(RSAES-PKCS1-v1_5(AES key)) under the relying
 * party's public key; ECB `data` = base64(AES-ECB(PKCS#7(plaintext))); CBC `data` =
 * base64(IV || AES-CBC(PKCS#7(plaintext))). node:crypto's AES is itself pinned first to the
 * FIPS-197 Appendix C.1 vector.
 */
import {
  constants,
  createCipheriv,
  createPublicKey,
  publicEncrypt,
  type KeyObject,
} from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptCode, openEnvelope } from '@dinhdanh/core/vneid-partner';
import { RSA_3072 } from './rsa/openssl-vectors.fixture';

const PUBLIC: KeyObject = createPublicKey(RSA_3072);
const AES_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const IV = Buffer.from(Array.from({ length: 16 }, (_, i) => 0xa0 + i));

function wrap(aesKey: Buffer): string {
  return publicEncrypt({ key: PUBLIC, padding: constants.RSA_PKCS1_PADDING }, aesKey).toString(
    'base64',
  );
}

function aes(mode: 'ecb' | 'cbc', key: Buffer, plain: Buffer): string {
  const cipher = createCipheriv(
    `aes-${String(key.length * 8)}-${mode}`,
    key,
    mode === 'cbc' ? IV : null,
  );
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return (mode === 'cbc' ? Buffer.concat([IV, body]) : body).toString('base64');
}

// Compact JSON in a fixed member order, with Vietnamese text: its UTF-8 bytes are the answer.
const USERINFO =
  '{"citizenPid":"001099012345","fullName":"Nguyễn Thị Thử Nghiệm","birthDate":"01/01/1999","accountLevel":2}';
const TOKEN = '{"access_token":"at-known-answer","token_type":"Bearer","expires_in":300}';
const CODE = 'c0de+with/slash=and+plus.9f86d081884c7d65';

it('node:crypto AES is the FIPS-197 cipher (Appendix C.1, AES-128)', () => {
  const key = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  const cipher = createCipheriv('aes-128-ecb', key, null);
  cipher.setAutoPadding(false);
  const out = Buffer.concat([
    cipher.update(Buffer.from('00112233445566778899aabbccddeeff', 'hex')),
    cipher.final(),
  ]);
  expect(out.toString('hex')).toBe('69c4e0d86a7b0430d8cdb78070b4c55a');
});

describe.each(['node', 'forge'] as const)(
  'core opens node:crypto-made answers (%s backend)',
  (backend) => {
    for (const mode of ['ecb', 'cbc'] as const)
      for (const length of [16, 24, 32]) {
        const key = AES_KEY.subarray(0, length);

        it(`envelope, AES-${String(length * 8)}-${mode}: userinfo and token, to the byte`, async () => {
          for (const text of [USERINFO, TOKEN]) {
            const envelope = { data: aes(mode, key, Buffer.from(text, 'utf8')), key: wrap(key) };
            const opened = await openEnvelope(JSON.stringify(envelope), {
              privateKey: RSA_3072,
              mode,
              backend,
            });
            expect(
              Buffer.from(JSON.stringify(opened), 'utf8').equals(Buffer.from(text, 'utf8')),
            ).toBe(true);
          }
        });

        it(`encrypted code, AES-${String(length * 8)}-${mode}: to the byte, with its mode given or detected`, async () => {
          const code = aes(mode, key, Buffer.from(CODE, 'ascii'));
          const encryptKey = wrap(key);
          for (const setting of [mode, 'auto'] as const) {
            expect(
              await decryptCode(code, encryptKey, { privateKey: RSA_3072, mode: setting, backend }),
            ).toBe(CODE);
          }
          const other = mode === 'ecb' ? 'cbc' : 'ecb';
          await expect(
            decryptCode(code, encryptKey, { privateKey: RSA_3072, mode: other, backend }),
          ).rejects.toMatchObject({ code: 'envelope_invalid' });
        });
      }
  },
);
