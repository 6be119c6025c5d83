/**
 * RSAES-PKCS1-v1_5 decryption from a raw RSA primitive (no padding) plus the implicit
 * rejection of draft-irtf-cfrg-rsa-guidance: the path of every runtime whose platform does
 * not reject implicitly itself (Node 20, Bun, Deno, workerd, and node-forge where there is
 * no `node:crypto`).
 */
import type { PartnerPrivateKey } from '../keys';
import { privateMaterialOf } from '../keys';
import type { HmacSha256 } from './implicit-rejection';
import { deriveKdk, unpadImplicit } from './implicit-rejection';

/** The raw RSA private operation on a ciphertext of exactly the modulus length. */
export type RawRsaDecrypt = (key: PartnerPrivateKey, ciphertext: Uint8Array) => Uint8Array;

/** SHA-256 of bytes. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

function hexToBytes(hex: string, length: number): Uint8Array {
  const out = new Uint8Array(length);
  const even = hex.length % 2 === 0 ? hex : `0${hex}`;
  const bytes = even.length / 2;
  for (let i = 0; i < bytes && i < length; i++) {
    out[length - bytes + i] = Number.parseInt(even.slice(i * 2, i * 2 + 2), 16);
  }
  return out;
}

/** Modulus length in bytes. */
export function modulusBytes(key: PartnerPrivateKey): number {
  return Math.ceil(key.bits / 8);
}

/**
 * Builds a PKCS#1 v1.5 decryption with implicit rejection. It throws only for inputs that
 * are invalid in public (longer than the modulus, or not below it: the raw step refuses);
 * every padding failure returns the synthetic message instead.
 */
export function implicitRejectionDecrypt(
  raw: RawRsaDecrypt,
  hmac: HmacSha256,
  sha256: Sha256,
): (key: PartnerPrivateKey, ciphertext: Uint8Array) => Uint8Array {
  // SHA-256 of the private exponent, padded to the modulus length, once per key.
  const dHashes = new WeakMap<PartnerPrivateKey, Uint8Array>();
  return (key, ciphertext) => {
    const k = modulusBytes(key);
    if (ciphertext.length > k) throw new Error('rsa: ciphertext longer than the modulus');
    const padded = new Uint8Array(k);
    padded.set(ciphertext, k - ciphertext.length);
    let dHash = dHashes.get(key);
    if (!dHash) {
      dHash = sha256(hexToBytes(privateMaterialOf(key).forge.d.toString(16), k));
      dHashes.set(key, dHash);
    }
    const em = raw(key, padded);
    return unpadImplicit(hmac, em, deriveKdk(hmac, dHash, padded));
  };
}
