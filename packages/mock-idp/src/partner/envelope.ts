/**
 * Sealing partner responses into `{"data","key"}` envelopes with core's `sealEnvelope`,
 * and the envelope fault switches: each breaks one thing a relying party must refuse.
 * The faults only rearrange bytes of a correct envelope; no crypto is done here.
 */
import {
  importPartnerPublicKey,
  sealEnvelope,
  type Envelope,
  type PartnerPublicKey,
} from '@dinhdanh/core/vneid-partner';
import { exportJWK, generateKeyPair } from 'jose';
import type { Context } from '../context';
import type { MockClient } from '../options';
import { json } from '../util/http';
import { fromBase64, toBase64 } from './base64';
import { partnerOptionsOf } from './options';

const keys = new WeakMap<MockClient, PartnerPublicKey>();

/** The client's registered RSA public key, imported once. */
export function publicKeyOf(client: MockClient): PartnerPublicKey {
  let key = keys.get(client);
  if (key === undefined) {
    const input = partnerOptionsOf(client).publicKey;
    // checkPartnerClient guarantees a key whenever an envelope or an encrypted code is on
    if (input === undefined) throw new Error('vneid-partner client without a public key');
    key = importPartnerPublicKey(input);
    keys.set(client, key);
  }
  return key;
}

let strangerKey: Promise<PartnerPublicKey> | undefined;

/** A key that belongs to nobody (for `partner_envelope_wrong_key`), made once. */
function stranger(): Promise<PartnerPublicKey> {
  strangerKey ??= generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true })
    .then(({ publicKey }) => exportJWK(publicKey))
    .then((jwk) => importPartnerPublicKey({ ...jwk, kty: 'RSA' }));
  return strangerKey;
}

function breakPadding(data: string, mode: 'ecb' | 'cbc'): string {
  const bytes = fromBase64(data);
  const n = bytes.length;
  if (mode === 'ecb') {
    // the last block becomes a copy of the first: it decrypts to JSON text, whose last
    // byte (>= 0x20) is never a PKCS#7 pad value (1..16)
    bytes.set(bytes.slice(0, 16), n - 16);
  } else {
    // flip the top bit of the byte before the last block (the IV when there is one block):
    // the last plaintext byte, a pad value 1..16, becomes 129..144
    bytes[n - 17] = (bytes[n - 17] ?? 0) ^ 0x80;
  }
  return toBase64(bytes);
}

/** Seal a JSON body for the client, applying any armed envelope fault. */
export async function sealFor(
  ctx: Context,
  client: MockClient,
  body: Record<string, unknown>,
): Promise<Envelope> {
  const mode = partnerOptionsOf(client).aesMode;
  const wrongKey = ctx.faults.take('partner_envelope_wrong_key') !== undefined;
  const envelope = await sealEnvelope(body, {
    publicKey: wrongKey ? await stranger() : publicKeyOf(client),
    mode,
  });
  if (ctx.faults.take('partner_envelope_truncated_data')) {
    const bytes = fromBase64(envelope.data);
    return { data: toBase64(bytes.slice(0, bytes.length - 5)), key: envelope.key };
  }
  if (ctx.faults.take('partner_envelope_bad_padding'))
    return { data: breakPadding(envelope.data, mode), key: envelope.key };
  if (ctx.faults.take('partner_envelope_key_not_base64'))
    return { data: envelope.data, key: `*${envelope.key.slice(1)}` };
  return envelope;
}

/** The JSON response: inside an envelope when `sealed`, plain otherwise. */
export async function partnerJson(
  ctx: Context,
  client: MockClient,
  body: Record<string, unknown>,
  sealed: boolean,
): Promise<Response> {
  return json(sealed ? await sealFor(ctx, client, body) : body);
}
