import { describe, expect, it } from 'vitest';
import { decryptCode, encryptCode, ENVELOPE_INVALID_MESSAGE } from '@dinhdanh/core/vneid-partner';
import { craft, pad, text } from './craft.fixture';
import { rsaPair } from './keys.fixture';

const pair = rsaPair();
const other = rsaPair();
const CODE = 'c0de-5f1e.9a7b+42/xyz';

async function encryptedWithPlus(mode: 'ecb' | 'cbc' = 'ecb') {
  // A '+' in the base64 of code or encrypt_key is what form-decoding breaks; find one.
  for (let i = 0; i < 100; i++) {
    const encrypted = await encryptCode(CODE, { publicKey: pair.spki, mode });
    if (encrypted.code.includes('+') && encrypted.encryptKey.includes('+')) return encrypted;
  }
  throw new Error('no + in 100 tries');
}

describe('encrypted authorization codes', () => {
  for (const mode of ['ecb', 'cbc'] as const) {
    for (const backend of ['forge', 'auto'] as const) {
      it(`${mode}/${backend}: round trip keeps '+' in the code and in encrypt_key`, async () => {
        const { code, encryptKey } = await encryptedWithPlus(mode);
        // As a raw query string carries them: '+' stays '+'.
        const raw = `code=${code}&encrypt_key=${encryptKey}`;
        expect(raw).toContain('+');
        await expect(
          decryptCode(code, encryptKey, { privateKey: pair.pkcs1, mode, backend }),
        ).resolves.toBe(CODE);
      });
    }
  }

  it("refuses a code whose '+' became a space (form-decoded query)", async () => {
    const { code, encryptKey } = await encryptedWithPlus();
    const mangled = new URLSearchParams(`code=${code}&encrypt_key=${encryptKey}`);
    const error = await decryptCode(mangled.get('code')!, mangled.get('encrypt_key')!, {
      privateKey: pair.pkcs8,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'envelope_invalid', message: ENVELOPE_INVALID_MESSAGE });
  });

  const failures: [string, () => Promise<{ code: string; encryptKey: string }>][] = [
    ['encrypted to another key', () => encryptCode(CODE, { publicKey: other.spki })],
    ['garbage', () => Promise.resolve({ code: 'AAAA', encryptKey: 'AAAA' })],
    ['not base64', () => Promise.resolve({ code: '%%%', encryptKey: '%%%' })],
    ['empty', () => Promise.resolve({ code: '', encryptKey: '' })],
    ['oversized', () => Promise.resolve({ code: 'A'.repeat(9000), encryptKey: 'A'.repeat(9000) })],
    [
      'plaintext with a control character',
      () => {
        const c = craft(pair.spki, pad(text('abc\ndef')));
        return Promise.resolve({ code: c.data, encryptKey: c.key });
      },
    ],
    [
      'plaintext with a space',
      () => {
        const c = craft(pair.spki, pad(text('abc def')));
        return Promise.resolve({ code: c.data, encryptKey: c.key });
      },
    ],
  ];
  for (const [name, make] of failures) {
    it(`refuses ${name} with envelope_invalid and the one message`, async () => {
      const { code, encryptKey } = await make();
      const error = await decryptCode(code, encryptKey, { privateKey: pair.privateJwk }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'envelope_invalid', message: ENVELOPE_INVALID_MESSAGE });
      expect((error as Error).cause).toBeUndefined();
    });
  }

  it('encryptCode refuses a code that is not printable ASCII', async () => {
    await expect(encryptCode('a b', { publicKey: pair.spki })).rejects.toMatchObject({
      code: 'input_invalid',
    });
  });
});
