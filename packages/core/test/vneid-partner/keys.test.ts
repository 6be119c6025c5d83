import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  importPartnerPrivateKey,
  importPartnerPublicKey,
  openEnvelope,
  sealEnvelope,
} from '@dinhdanh/core/vneid-partner';
import { rsaPair } from './keys.fixture';

const pair = rsaPair();
const small = rsaPair(1024);
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

describe('key import', () => {
  it('imports PKCS#1, PKCS#8 and JWK private keys and SPKI, PKCS#1 and JWK public keys', () => {
    for (const key of [pair.pkcs1, pair.pkcs8, pair.privateJwk]) {
      expect(importPartnerPrivateKey(key)).toMatchObject({
        type: 'vneid-partner-private-key',
        bits: 2048,
      });
    }
    for (const key of [pair.spki, pair.pkcs1Public, pair.publicJwk]) {
      expect(importPartnerPublicKey(key)).toMatchObject({
        type: 'vneid-partner-public-key',
        bits: 2048,
      });
    }
  });

  it('imports base64 DER without PEM armour (as some integration guides store keys)', async () => {
    const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    const envelope = await sealEnvelope({ ok: true }, { publicKey: bare(pair.spki) });
    for (const key of [bare(pair.pkcs8), bare(pair.pkcs1)]) {
      await expect(openEnvelope(envelope, { privateKey: key })).resolves.toEqual({ ok: true });
    }
    expect(() => importPartnerPrivateKey(bare(pair.spki))).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
    expect(() =>
      importPartnerPublicKey(bare(ec.publicKey.export({ type: 'spki', format: 'pem' }) as string)),
    ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });

  it('keeps key material out of the handle', () => {
    const handle = importPartnerPrivateKey(pair.pkcs8);
    expect(JSON.stringify(handle)).toBe('{"type":"vneid-partner-private-key","bits":2048}');
    expect(importPartnerPrivateKey(handle)).toBe(handle);
  });

  const badPrivate: [string, unknown][] = [
    ['a 1024-bit key', small.pkcs8],
    ['a 1024-bit JWK', small.privateJwk],
    ['an EC PKCS#8 key', ec.privateKey.export({ type: 'pkcs8', format: 'pem' })],
    ['an EC SEC1 key', ec.privateKey.export({ type: 'sec1', format: 'pem' })],
    ['an EC JWK', ec.privateKey.export({ format: 'jwk' })],
    ['a public key', pair.spki],
    [
      'an encrypted PKCS#8 key',
      generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: {
          type: 'pkcs8',
          format: 'pem',
          cipher: 'aes-256-cbc',
          passphrase: 'synthetic',
        },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      }).privateKey,
    ],
    ['a JWK without CRT members', { kty: 'RSA', n: pair.privateJwk.n, e: 'AQAB', d: 'AQAB' }],
    ['an inconsistent JWK', { ...pair.privateJwk, p: rsaPair().privateJwk.p }],
    ['garbage PEM', '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'],
    ['a number', 42],
    ['null', null],
    ['a forged handle', { type: 'vneid-partner-private-key', bits: 4096 }],
  ];
  for (const [name, key] of badPrivate) {
    it(`refuses ${name} as a private key with config_invalid`, () => {
      expect(() => importPartnerPrivateKey(key as string)).toThrow(
        expect.objectContaining({ code: 'config_invalid', path: 'privateKey' }),
      );
    });
  }

  it('says why a small key is refused', () => {
    expect(() => importPartnerPrivateKey(small.pkcs1)).toThrow(/1024 bits; at least 2048/);
  });

  const badPublic: [string, unknown][] = [
    ['a 1024-bit key', small.spki],
    ['an EC key', ec.publicKey.export({ type: 'spki', format: 'pem' })],
    ['an EC JWK', ec.publicKey.export({ format: 'jwk' })],
    ['a private key', pair.pkcs8],
  ];
  for (const [name, key] of badPublic) {
    it(`refuses ${name} as a public key with config_invalid`, () => {
      expect(() => importPartnerPublicKey(key as string)).toThrow(
        expect.objectContaining({ code: 'config_invalid', path: 'publicKey' }),
      );
    });
  }

  it('a key problem is config_invalid before the body is looked at', async () => {
    await expect(openEnvelope('garbage', { privateKey: small.pkcs8 })).rejects.toMatchObject({
      code: 'config_invalid',
    });
    await expect(
      sealEnvelope({ a: 1 }, { publicKey: pair.spki, mode: 'gcm' as 'ecb' }),
    ).rejects.toMatchObject({
      code: 'config_invalid',
      path: 'mode',
    });
  });
});
