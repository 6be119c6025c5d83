/**
 * Turning configured secrets into sealing keys. Each secret yields, through HKDF-SHA-256
 * (WebCrypto), one 256-bit content key per purpose and a key id. The key id is derived
 * from the secret with its own HKDF label, so it names the secret without revealing it.
 */
import * as base64url from 'jose/base64url';
import { DinhDanhError } from '../errors';

/** A sealing secret: a string (UTF-8) or bytes, at least 32 bytes long. */
export type SealSecret = string | Uint8Array;

/** One secret or several: the first seals, all unseal (rotation). */
export type SealSecrets = SealSecret | readonly SealSecret[];

/** What a sealed value is for; a value sealed for one purpose never unseals as another. */
export type SealPurpose = 'transaction' | 'session' | 'session-ref' | 'qr' | 'csrf';

/** A key derived from one secret for one purpose. */
export interface SealKey {
  readonly kid: string;
  readonly key: Uint8Array;
}

const MIN_SECRET_BYTES = 32;
const SALT = new TextEncoder().encode('dinhdanh/seal/v1');

function secretBytes(secret: SealSecret): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
}

/**
 * Checks and normalises the configured secrets.
 *
 * @throws `config_invalid` when there is no secret or one is shorter than 32 bytes.
 */
export function normaliseSecrets(secrets: SealSecrets | undefined): Uint8Array[] {
  const list: readonly unknown[] =
    secrets === undefined ? [] : Array.isArray(secrets) ? secrets : [secrets];
  if (list.length === 0) {
    throw new DinhDanhError(
      'config_invalid',
      'No sealing secret configured: pass `secrets` with at least one random value of 32 bytes or more.',
    );
  }
  return list.map((secret, index) => {
    if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
      throw new DinhDanhError(
        'config_invalid',
        `Sealing secret #${index + 1} must be a string or a Uint8Array.`,
      );
    }
    const bytes = secretBytes(secret);
    if (bytes.byteLength < MIN_SECRET_BYTES) {
      throw new DinhDanhError(
        'config_invalid',
        `Sealing secret #${index + 1} is ${bytes.byteLength} bytes; use at least ${MIN_SECRET_BYTES} random bytes (e.g. \`openssl rand -base64 32\`).`,
      );
    }
    return bytes;
  });
}

async function hkdf(secret: Uint8Array, info: string, bits: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', secret as BufferSource, 'HKDF', false, [
    'deriveBits',
  ]);
  const derived = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: new TextEncoder().encode(info) },
    material,
    bits,
  );
  return new Uint8Array(derived);
}

// Derived keys by purpose and secret: HKDF is deterministic, and deriving on every seal and
// unseal was the largest cost of reading a session cookie. Bounded: an app has a few secrets.
const derived = new Map<string, Promise<Uint8Array>>();
const MAX_DERIVED = 256;

function derive(secret: Uint8Array, info: string, bits: number): Promise<Uint8Array> {
  const cacheKey = `${info}\u0000${base64url.encode(secret)}`;
  let key = derived.get(cacheKey);
  if (key === undefined) {
    if (derived.size >= MAX_DERIVED) derived.clear();
    key = hkdf(secret, info, bits);
    key.catch(() => derived.delete(cacheKey));
    derived.set(cacheKey, key);
  }
  return key;
}

/**
 * Derives the keys for one purpose from every configured secret, in order.
 *
 * @throws `config_invalid` for missing or short secrets.
 */
export async function deriveSealKeys(
  secrets: SealSecrets | undefined,
  purpose: SealPurpose,
): Promise<SealKey[]> {
  const normalised = normaliseSecrets(secrets);
  return Promise.all(
    normalised.map(async (secret) => {
      const [key, id] = await Promise.all([
        derive(secret, `dinhdanh seal key: ${purpose}`, 256),
        derive(secret, 'dinhdanh seal key id', 96),
      ]);
      return { kid: base64url.encode(id), key };
    }),
  );
}
