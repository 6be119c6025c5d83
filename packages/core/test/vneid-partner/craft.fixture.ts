import { constants, createCipheriv, publicEncrypt, randomBytes } from 'node:crypto';

/**
 * Builds envelopes the way a faulty or hostile provider might: arbitrary plaintext bytes
 * (padding included, nothing added), an AES key of any length, wrapped with RSA PKCS#1 v1.5.
 * Public-key encryption is permitted on every Node version.
 */
export function craft(
  spki: string,
  plain: Uint8Array,
  options: { mode?: 'ecb' | 'cbc'; aesKey?: Uint8Array; wrapped?: Uint8Array } = {},
): { data: string; key: string } {
  const mode = options.mode ?? 'ecb';
  const aesKey = options.aesKey ?? randomBytes(32);
  const wrapped =
    options.wrapped ?? publicEncrypt({ key: spki, padding: constants.RSA_PKCS1_PADDING }, aesKey);
  const cipherKey =
    aesKey.length === 16 || aesKey.length === 24 || aesKey.length === 32 ? aesKey : randomBytes(32);
  const iv = mode === 'cbc' ? randomBytes(16) : null;
  const cipher = createCipheriv(`aes-${String(cipherKey.length * 8)}-${mode}`, cipherKey, iv);
  cipher.setAutoPadding(false);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const data = iv ? Buffer.concat([iv, body]) : body;
  return { data: data.toString('base64'), key: Buffer.from(wrapped).toString('base64') };
}

/** PKCS#7-pads bytes correctly. */
export function pad(bytes: Uint8Array): Uint8Array {
  const n = 16 - (bytes.length % 16);
  return Buffer.concat([bytes, Buffer.alloc(n, n)]);
}

export const text = (s: string): Uint8Array => new TextEncoder().encode(s);
