import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import {
  decryptCode,
  importPartnerPrivateKey,
  importPartnerPublicKey,
  openEnvelope,
  sealEnvelope,
} from '@dinhdanh/core/vneid-partner';
import { rsaPair } from './keys.fixture';

const pair = rsaPair();
const privateKey = importPartnerPrivateKey(pair.pkcs8);
const publicKey = importPartnerPublicKey(pair.spki);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

// JSON objects as they survive a JSON round trip (no -0, no undefined).
const jsonObject = fc
  .dictionary(fc.string(), fc.jsonValue())
  .map((value) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

function onlyEnvelopeInvalid(error: unknown): true {
  if (!isDinhDanhError(error, 'envelope_invalid')) throw error;
  return true;
}

describe('envelope properties', () => {
  for (const mode of ['ecb', 'cbc'] as const) {
    it(`${mode}: any JSON object survives seal then open`, async () => {
      await fc.assert(
        fc.asyncProperty(jsonObject, async (json) => {
          const envelope = await sealEnvelope(json, { publicKey, mode });
          expect(await openEnvelope(JSON.stringify(envelope), { privateKey, mode })).toEqual(json);
        }),
        { numRuns: 60 },
      );
    });
  }

  it('arbitrary bytes as data and key: only success or envelope_invalid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.uint8Array({ minLength: 256, maxLength: 256 }),
        ),
        fc.constantFrom('ecb' as const, 'cbc' as const),
        async (data, key, mode) => {
          await openEnvelope({ data: b64(data), key: b64(key) }, { privateKey, mode }).then(
            () => true,
            onlyEnvelopeInvalid,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('arbitrary strings as the body: only success or envelope_invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (body) => {
        await openEnvelope(body, { privateKey }).then(() => true, onlyEnvelopeInvalid);
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary code and encrypt_key: only success or envelope_invalid', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }).map(b64)),
        fc.oneof(fc.string(), fc.uint8Array({ minLength: 256, maxLength: 256 }).map(b64)),
        async (code, encryptKey) => {
          await decryptCode(code, encryptKey, { privateKey }).then(() => true, onlyEnvelopeInvalid);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a real envelope with one flipped bit: only success or envelope_invalid, never other JSON', async () => {
    const json = { access_token: 'at', n: 1 };
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        async (at, bit, inKey) => {
          const envelope = await sealEnvelope(json, { publicKey, mode: 'cbc' });
          const bytes = Buffer.from(inKey ? envelope.key : envelope.data, 'base64');
          bytes[at % bytes.length]! ^= 1 << bit;
          const tampered = inKey
            ? { ...envelope, key: b64(bytes) }
            : { ...envelope, data: b64(bytes) };
          await openEnvelope(tampered, { privateKey, mode: 'cbc', require: ['access_token'] }).then(
            (opened) => {
              // CBC is malleable in the IV: a flipped IV bit may still parse. Never another key's plaintext.
              expect(Object.keys(opened)).toContain('access_token');
            },
            onlyEnvelopeInvalid,
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
