import { beforeAll, describe, expect, it } from 'vitest';
import {
  importPartnerPrivateKey,
  importPartnerPublicKey,
  openEnvelope,
  partnerCryptoBackend,
  sealEnvelope,
} from '@dinhdanh/core/vneid-partner';
import type {
  PartnerCryptoBackendChoice,
  PartnerPrivateKey,
  PartnerPublicKey,
} from '@dinhdanh/core/vneid-partner';
import { rsaPair, USERINFO } from './keys.fixture';

const pair = rsaPair();
let privateKey: PartnerPrivateKey;
let publicKey: PartnerPublicKey;
beforeAll(() => {
  privateKey = importPartnerPrivateKey(pair.pkcs8);
  publicKey = importPartnerPublicKey(pair.spki);
});

const modes = ['ecb', 'cbc'] as const;
const backends: PartnerCryptoBackendChoice[] = ['forge', 'auto'];

describe('envelope round trip', () => {
  for (const mode of modes) {
    for (const sealWith of backends) {
      for (const openWith of backends) {
        it(`${mode}: sealed with ${sealWith}, opened with ${openWith}`, async () => {
          const envelope = await sealEnvelope(USERINFO, { publicKey, mode, backend: sealWith });
          const opened = await openEnvelope(JSON.stringify(envelope), {
            privateKey,
            mode,
            backend: openWith,
            require: ['citizenPid'],
          });
          expect(opened).toEqual(USERINFO);
        });
      }
    }
  }

  it('opens text, bytes and parsed JSON bodies alike', async () => {
    const envelope = await sealEnvelope({ access_token: 'at-1' }, { publicKey });
    const text = JSON.stringify(envelope);
    for (const body of [text, new TextEncoder().encode(text), envelope]) {
      await expect(openEnvelope(body, { privateKey })).resolves.toEqual({ access_token: 'at-1' });
    }
  });

  it('defaults to ECB: 16-byte-aligned data without an IV', async () => {
    const envelope = await sealEnvelope({ a: 1 }, { publicKey });
    expect(atob(envelope.data)).toHaveLength(16);
    const cbc = await sealEnvelope({ a: 1 }, { publicKey, mode: 'cbc' });
    expect(atob(cbc.data)).toHaveLength(32);
  });

  it.each([16, 24, 32] as const)('accepts an AES key of %i bytes', async (aesKeyLength) => {
    const envelope = await sealEnvelope({ a: aesKeyLength }, { publicKey, aesKeyLength });
    await expect(openEnvelope(envelope, { privateKey })).resolves.toEqual({ a: aesKeyLength });
  });

  it('accepts the key in every supported format', async () => {
    const envelope = await sealEnvelope({ ok: true }, { publicKey: pair.publicJwk });
    for (const key of [pair.pkcs1, pair.pkcs8, pair.privateJwk]) {
      await expect(openEnvelope(envelope, { privateKey: key })).resolves.toEqual({ ok: true });
    }
    for (const pub of [pair.spki, pair.pkcs1Public, pair.publicJwk]) {
      const sealed = await sealEnvelope({ ok: 1 }, { publicKey: pub });
      await expect(openEnvelope(sealed, { privateKey })).resolves.toEqual({ ok: 1 });
    }
  });

  it('a body of several encoding chunks (32 KiB each) travels as canonical standard base64', async () => {
    // Random text, so a misplaced or repeated chunk cannot encode to the same string.
    const noise = Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(60_000)));
    const body = { photo: noise.toString('hex'), citizenPid: '001099012345' };
    for (const mode of modes) {
      const envelope = await sealEnvelope(body, { publicKey, mode });
      const data = Buffer.from(envelope.data, 'base64');
      expect(data.length).toBeGreaterThan(3 * 0x8000);
      expect(data.toString('base64')).toBe(envelope.data);
      expect(Buffer.from(envelope.key, 'base64').toString('base64')).toBe(envelope.key);
      await expect(openEnvelope(envelope, { privateKey, mode })).resolves.toEqual(body);
    }
  });

  it('opens with the node backend wherever the platform permits PKCS#1 v1.5 decryption', async () => {
    const info = await partnerCryptoBackend('auto');
    const envelope = await sealEnvelope(USERINFO, { publicKey, backend: 'forge' });
    if (info.rsa === 'node') {
      await expect(openEnvelope(envelope, { privateKey, backend: 'node' })).resolves.toEqual(
        USERINFO,
      );
    } else {
      await expect(openEnvelope(envelope, { privateKey, backend: 'node' })).rejects.toMatchObject({
        code: 'runtime_unsupported',
      });
    }
  });
});
