/**
 * Fuzz: the VNeID partner envelope opener and code decoder (DOMAIN.md dialect 5). Bodies
 * and `encrypt_key` values are the provider's, or an attacker's: whatever arrives opens
 * or fails with envelope_invalid — one code, no cause. The protocol's AES (ECB, CBC) has
 * no integrity (docs/vneid-partner.md, "No integrity"): a flipped IV bit changes one
 * plaintext bit, so a mutated input may open to something else. What the decoders promise
 * is their output contract (a JSON object; a printable-ASCII code), which is what is
 * checked; the envelope's integrity rests on TLS, a code's on PKCE and client auth.
 * RSA in node-forge costs tens of milliseconds, so the CI runs of the mutating
 * properties are small; `pnpm fuzz` runs them long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptCode,
  encryptCode,
  importPartnerPrivateKey,
  openEnvelope,
  sealEnvelope,
  type Envelope,
} from '@dinhdanh/core/vneid-partner';
import { rsaPair, USERINFO } from '../vneid-partner/keys.fixture';
import { hostileText, mutate, mutation, outcome, runs } from './support';

const rp = rsaPair();
const other = rsaPair();
const privateKey = importPartnerPrivateKey(rp.pkcs8);
const CODES = ['envelope_invalid'] as const;
const mode = fc.constantFrom('ecb' as const, 'cbc' as const);

async function sealed(aesMode: 'ecb' | 'cbc', publicKey = rp.spki): Promise<Envelope> {
  return sealEnvelope(USERINFO, { publicKey, mode: aesMode });
}

describe('fuzz: partner envelope opener', () => {
  it('a mutated envelope opens to a JSON object or fails with envelope_invalid', async () => {
    const envelopes = { ecb: await sealed('ecb'), cbc: await sealed('cbc') };
    await fc.assert(
      fc.asyncProperty(
        mode,
        fc.constantFrom('data' as const, 'key' as const),
        mutation,
        async (aesMode, part, change) => {
          const envelope = envelopes[aesMode];
          const body = { ...envelope, [part]: mutate(envelope[part], change) };
          const result = await outcome('openEnvelope (mutated)', CODES, () =>
            openEnvelope(JSON.stringify(body), { privateKey, mode: aesMode }),
          );
          if (result.ok) expect(typeof result.value).toBe('object');
        },
      ),
      { numRuns: runs(16) },
    );
  });

  it('arbitrary bodies, foreign keys and swapped parts never open', async () => {
    const foreign = await sealed('ecb', other.spki);
    const mine = await sealed('ecb');
    const body = fc.oneof(
      fc.anything(),
      hostileText,
      fc.record({ data: hostileText, key: hostileText }),
      fc.record({ data: fc.anything(), key: fc.anything() }),
      fc.constantFrom(
        foreign,
        { data: mine.data, key: foreign.key },
        { data: foreign.data, key: mine.key },
        { data: mine.key, key: mine.data },
      ),
      fc.uint8Array({ maxLength: 256 }),
      fc.json().map((text) => new TextEncoder().encode(text)),
    );
    await fc.assert(
      fc.asyncProperty(body, mode, async (input, aesMode) => {
        const result = await outcome('openEnvelope (arbitrary)', CODES, () =>
          openEnvelope(input as string, { privateKey, mode: aesMode }),
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs(80) },
    );
  });
});

describe('fuzz: partner code decoder', () => {
  it('a mutated code or encrypt_key decrypts to a printable code or fails with envelope_invalid', async () => {
    const code = 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f';
    const encrypted = {
      ecb: await encryptCode(code, { publicKey: rp.spki, mode: 'ecb' }),
      cbc: await encryptCode(code, { publicKey: rp.spki, mode: 'cbc' }),
    };
    await fc.assert(
      fc.asyncProperty(
        mode,
        fc.constantFrom('code' as const, 'encryptKey' as const),
        mutation,
        async (aesMode, part, change) => {
          const input = { ...encrypted[aesMode] };
          input[part] = mutate(input[part], change);
          const result = await outcome('decryptCode (mutated)', CODES, () =>
            decryptCode(input.code, input.encryptKey, { privateKey, mode: aesMode }),
          );
          if (result.ok) expect(result.value).toMatch(/^[\x21-\x7e]{1,4096}$/);
        },
      ),
      { numRuns: runs(16) },
    );
  });

  it('arbitrary code and encrypt_key values, as they come off a query string, never decrypt', async () => {
    // What a form decoder makes of base64: '+' becomes ' ', '%2B' stays or decodes.
    const queryForms = fc
      .base64String({ minLength: 4, maxLength: 400 })
      .chain((b64) =>
        fc.constantFrom(
          b64,
          b64.replaceAll('+', ' '),
          b64.replaceAll('+', '%2B'),
          encodeURIComponent(b64),
        ),
      );
    const value = fc.oneof(hostileText, queryForms, fc.anything());
    await fc.assert(
      fc.asyncProperty(value, value, mode, async (code, key, aesMode) => {
        const result = await outcome('decryptCode (arbitrary)', CODES, () =>
          decryptCode(code as string, key as string, { privateKey, mode: aesMode }),
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs(80) },
    );
  });
});
