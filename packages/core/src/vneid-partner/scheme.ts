import { DinhDanhError } from '../errors';
import type { Backend, AesMode } from './backend/types';
import { OpenFailure } from './failure';
import type { PartnerPrivateKey, PartnerPublicKey } from './keys';
import { AES_BLOCK, AES_KEY_LENGTHS } from './limits';

function randomBytes(length: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Strict PKCS#7: every padding byte checked, without stopping at the first bad one. */
function stripPkcs7(plain: Uint8Array): Uint8Array | undefined {
  const n = plain.length;
  if (n === 0 || n % AES_BLOCK !== 0) return undefined;
  const pad = plain[n - 1] ?? 0;
  let bad = pad === 0 || pad > AES_BLOCK ? 1 : 0;
  for (let i = 1; i <= AES_BLOCK; i++) {
    bad |= (i <= pad ? 1 : 0) & ((plain[n - i] ?? 0) !== pad ? 1 : 0);
  }
  return bad === 0 ? plain.subarray(0, n - pad) : undefined;
}

/**
 * Unwraps the AES key with RSAES-PKCS1-v1_5 and decrypts `data`. Any failure throws
 * {@link OpenFailure}. A bad RSA padding never fails the RSA step: every backend rejects
 * implicitly (a synthetic key, backend/implicit-rejection.ts), which then fails the AES
 * padding or the key-length check. A publicly invalid `key` (too long, not below the
 * modulus) goes on with a random key and fails at the end: a bad `key` and a bad `data`
 * take the same path and give the same error.
 */
export function openHybrid(
  backend: Backend,
  privateKey: PartnerPrivateKey,
  wrappedKey: Uint8Array,
  data: Uint8Array,
  modes: readonly AesMode[],
  accept: (plain: Uint8Array) => boolean = () => true,
): Uint8Array {
  let failed = false;
  let aesKey: Uint8Array;
  try {
    aesKey = backend.rsa.decrypt(privateKey, wrappedKey);
  } catch {
    failed = true;
    aesKey = randomBytes(32);
  }
  if (!AES_KEY_LENGTHS.includes(aesKey.length)) {
    failed = true;
    aesKey = randomBytes(32);
  }
  // The key is unwrapped once; each mode (one, or both for a code of unknown mode) is tried
  // in turn and the first plaintext that `accept`s wins. Every failure looks the same.
  for (const mode of modes) {
    const plain = decryptData(backend, aesKey, data, mode);
    if (!failed && plain !== undefined && accept(plain)) return plain;
  }
  throw new OpenFailure();
}

function decryptData(
  backend: Backend,
  aesKey: Uint8Array,
  data: Uint8Array,
  mode: AesMode,
): Uint8Array | undefined {
  const iv = mode === 'cbc' ? data.subarray(0, AES_BLOCK) : undefined;
  const body = mode === 'cbc' ? data.subarray(AES_BLOCK) : data;
  if (body.length === 0 || body.length % AES_BLOCK !== 0) return undefined;
  try {
    return stripPkcs7(backend.aes.decryptUnpadded(mode, aesKey, iv, body));
  } catch {
    return undefined;
  }
}

/** Encrypts `plain` under a fresh AES key wrapped to `publicKey` (the provider's side). */
export function sealHybrid(
  backend: Backend,
  publicKey: PartnerPublicKey,
  plain: Uint8Array,
  mode: AesMode,
  aesKeyLength: number,
): { wrappedKey: Uint8Array; data: Uint8Array } {
  if (!AES_KEY_LENGTHS.includes(aesKeyLength)) {
    throw new DinhDanhError('config_invalid', 'aesKeyLength must be 16, 24 or 32 (bytes).', {
      path: 'aesKeyLength',
    });
  }
  const aesKey = randomBytes(aesKeyLength);
  const wrappedKey = backend.rsa.encrypt(publicKey, aesKey);
  if (mode === 'ecb')
    return { wrappedKey, data: backend.aes.encryptPadded('ecb', aesKey, undefined, plain) };
  const iv = randomBytes(AES_BLOCK);
  const ciphertext = backend.aes.encryptPadded('cbc', aesKey, iv, plain);
  const data = new Uint8Array(AES_BLOCK + ciphertext.length);
  data.set(iv, 0);
  data.set(ciphertext, AES_BLOCK);
  return { wrappedKey, data };
}

/**
 * The modes to try for an encrypted authorization code: the one configured, or with
 * `auto` ECB and then CBC (a provider may encrypt its codes in another mode than its
 * response bodies).
 */
export function codeModes(mode: unknown): readonly AesMode[] {
  if (mode === 'auto') return ['ecb', 'cbc'];
  try {
    return [checkMode(mode)];
  } catch {
    throw new DinhDanhError(
      'config_invalid',
      'The code mode must be "auto" (detect), "ecb" or "cbc".',
      { path: 'codeAesMode' },
    );
  }
}

/** Checks an AES mode from configuration. */
export function checkMode(mode: unknown): AesMode {
  if (mode === undefined) return 'ecb';
  if (mode === 'ecb' || mode === 'cbc') return mode;
  throw new DinhDanhError('config_invalid', 'mode must be "ecb" (the observed default) or "cbc".', {
    path: 'mode',
  });
}
