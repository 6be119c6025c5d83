import { describe, expect, it } from 'vitest';
import { ENVELOPE_INVALID_MESSAGE, openEnvelope, sealEnvelope } from '@dinhdanh/core/vneid-partner';
import type { PartnerCryptoBackendChoice } from '@dinhdanh/core/vneid-partner';
import { isDinhDanhError } from '@dinhdanh/core';
import { craft, pad, text } from './craft.fixture';
import { rsaPair } from './keys.fixture';

const pair = rsaPair();
const other = rsaPair();
const SECRET = 'PLAINTEXT-MARKER-001099012345';
const good = JSON.stringify({ access_token: SECRET, citizenPid: SECRET });

type Case = [name: string, body: () => unknown, mode?: 'ecb' | 'cbc'];

const cases: Case[] = [
  ['body is not JSON', () => `not json ${SECRET}`],
  ['body is a JSON array', () => JSON.stringify([SECRET])],
  ['body lacks data', () => JSON.stringify({ key: 'AAAA' })],
  ['body lacks key', () => JSON.stringify({ data: 'AAAA' })],
  ['data is not a string', () => ({ data: 42, key: 'AAAA' })],
  ['key is not valid base64', async () => ({ ...(await seal()), key: '!!not base64!!' })],
  ['key has whitespace', async () => ({ ...(await seal()), key: ` ${(await seal()).key}` })],
  [
    'key has a space where a + was',
    async () => sealWith((e) => ({ ...e, key: e.key.replace(/\+/g, ' ') }), /\+/),
  ],
  ['data is not valid base64', async () => ({ ...(await seal()), data: 'A===' })],
  ['key is empty', async () => ({ ...(await seal()), key: '' })],
  [
    'encrypted to another key',
    () => sealEnvelope(JSON.parse(good) as object, { publicKey: other.spki }),
  ],
  ['key wrapped for another key pair', () => craft(other.spki, pad(text(good)))],
  ['bad padding (0x00)', () => craft(pair.spki, text('{"a":1}'.padEnd(16, '\0')))],
  [
    'bad padding (0x11)',
    () => craft(pair.spki, Uint8Array.from([...text('{"a":1}'.padEnd(15, ' ')), 0x11])),
  ],
  [
    'bad padding (inconsistent bytes)',
    () => craft(pair.spki, Uint8Array.from([...text('{"a":1}'.padEnd(13, ' ')), 2, 3, 3])),
  ],
  [
    'bad padding that a lax unpadder would accept as JSON',
    () =>
      craft(
        pair.spki,
        Uint8Array.from([...text('{"access_token":"tok"}'.padEnd(29, ' ')), 0x20, 3, 3]),
      ),
  ],
  ['truncated data (one block short)', async () => truncate(await seal(), 16)],
  ['truncated data (not block aligned)', async () => truncate(await seal(), 5)],
  ['truncated key', async () => ({ ...(await seal()), key: (await seal()).key.slice(0, 40) })],
  ['plaintext is not JSON', () => craft(pair.spki, pad(text(`hello ${SECRET}`)))],
  ['plaintext is a JSON array', () => craft(pair.spki, pad(text(JSON.stringify([SECRET]))))],
  [
    'plaintext is not UTF-8',
    () => craft(pair.spki, pad(Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]))),
  ],
  [
    'AES key of 20 bytes',
    () => craft(pair.spki, pad(text(good)), { aesKey: new Uint8Array(20).fill(7) }),
  ],
  ['AES key of 0 bytes', () => craft(pair.spki, pad(text(good)), { aesKey: new Uint8Array(0) })],
  ['ECB envelope opened as CBC', async () => seal('ecb'), 'cbc'],
  ['CBC envelope opened as ECB', async () => seal('cbc'), 'ecb'],
  [
    'CBC data shorter than IV + one block',
    async () => ({ ...(await seal('cbc')), data: btoa('x'.repeat(16)) }),
    'cbc',
  ],
  [
    'body larger than 1 MiB',
    () => JSON.stringify({ data: 'A'.repeat(1024 * 1024 + 4), key: 'AAAA' }),
  ],
  [
    'required member missing',
    () => craft(pair.spki, pad(text(JSON.stringify({ token_type: 'Bearer' })))),
  ],
  [
    'required member null',
    () => craft(pair.spki, pad(text(JSON.stringify({ access_token: null })))),
  ],
  [
    'required member empty',
    () => craft(pair.spki, pad(text(JSON.stringify({ access_token: '' })))),
  ],
];

async function seal(mode: 'ecb' | 'cbc' = 'ecb') {
  return sealEnvelope(JSON.parse(good) as object, { publicKey: pair.spki, mode });
}

async function sealWith(
  change: (e: { data: string; key: string }) => { data: string; key: string },
  needs: RegExp,
) {
  for (let i = 0; i < 50; i++) {
    const envelope = await seal();
    if (needs.test(envelope.key)) return change(envelope);
  }
  throw new Error('no key with + in 50 tries');
}

function truncate(envelope: { data: string; key: string }, bytes: number) {
  const raw = atob(envelope.data);
  return { ...envelope, data: btoa(raw.slice(0, raw.length - bytes)) };
}

const backends: PartnerCryptoBackendChoice[] = ['forge', 'auto'];

describe('openEnvelope refuses every malformed envelope the same way', () => {
  for (const backend of backends) {
    for (const [name, make, mode] of cases) {
      it(`${backend}: ${name}`, async () => {
        const body = (await make()) as Parameters<typeof openEnvelope>[0];
        const error: unknown = await openEnvelope(body, {
          privateKey: pair.pkcs8,
          backend,
          require: ['access_token'],
          ...(mode ? { mode } : {}),
        }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(isDinhDanhError(error, 'envelope_invalid')).toBe(true);
        const e = error as Error & { status: number };
        expect(e.message).toBe(ENVELOPE_INVALID_MESSAGE);
        expect(e.cause).toBeUndefined();
        expect(e.status).toBe(502);
        const seen = `${e.message} ${e.stack ?? ''} ${JSON.stringify(e)}`;
        expect(seen).not.toContain(SECRET);
        expect(seen).not.toContain('BEGIN');
        if (
          typeof body === 'object' &&
          'key' in body &&
          typeof body.key === 'string' &&
          body.key.length > 8
        ) {
          expect(seen).not.toContain(body.key);
        }
      });
    }
  }

  it('the only difference between a good and a bad envelope is success', async () => {
    await expect(
      openEnvelope(await seal(), { privateKey: pair.pkcs8, require: ['access_token'] }),
    ).resolves.toEqual(JSON.parse(good));
  });
});
