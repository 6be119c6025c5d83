/**
 * RSAES-PKCS1-v1_5 padding removal with implicit rejection, as specified in the IETF CFRG
 * draft "Implementation Guidance for the PKCS #1 RSA Encryption" (draft-irtf-cfrg-rsa-guidance,
 * the algorithm of OpenSSL 3.2+ `ossl_rsa_padding_check_PKCS1_type_2`): a malformed block
 * yields a synthetic message derived from the private key and the ciphertext instead of an
 * error, so a caller (or an attacker timing it) cannot tell a bad padding from a good one.
 *
 * The caller supplies the raw RSA result (the encoded message `EM`, the modulus length
 * long) and HMAC-SHA256; every step below does the same work and reads the same memory
 * whatever the bytes are: no branch and no early exit on a secret value.
 */

/** HMAC-SHA256 of the concatenated `parts` under `key`. */
export type HmacSha256 = (key: Uint8Array, parts: readonly Uint8Array[]) => Uint8Array;

/** How many 16-bit length candidates the PRF draws (2^-128 chance that none fits). */
const LENGTH_CANDIDATES = 128;
const SHA256_BYTES = 32;
const ENCODER = new TextEncoder();
const MESSAGE_LABEL = ENCODER.encode('message');
const LENGTH_LABEL = ENCODER.encode('length');

// Branch-free helpers on small non-negative integers (< 2^31): 1 for true, 0 for false.
function isZero(x: number): number {
  return ((x | -x) >>> 31) ^ 1;
}
function equals(a: number, b: number): number {
  return isZero(a ^ b);
}
function lessThan(a: number, b: number): number {
  return (a - b) >>> 31;
}
function select(bit: number, a: number, b: number): number {
  const mask = -bit;
  return (a & mask) | (b & ~mask);
}

/**
 * The key-derivation key: HMAC-SHA256 keyed with SHA-256 of the private exponent (big-endian,
 * padded to the modulus length) over the ciphertext (left-padded with zeros to that length).
 *
 * @param dHash SHA-256 of the padded private exponent (computed once per key).
 * @param ciphertext The ciphertext, already left-padded to the modulus length.
 */
export function deriveKdk(hmac: HmacSha256, dHash: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return hmac(dHash, [ciphertext]);
}

/** The draft's PRF: HMAC(kdk, I || label || bitLength) for I = 0, 1, ..., truncated to `bytes`. */
function prf(hmac: HmacSha256, kdk: Uint8Array, label: Uint8Array, bytes: number): Uint8Array {
  const bits = bytes * 8;
  // One input buffer, its counter rewritten per block: one HMAC update per block instead of
  // three (the HMAC calls are most of the cost of implicit rejection on Node 20).
  const input = new Uint8Array(2 + label.length + 2);
  input.set(label, 2);
  input[input.length - 2] = (bits >>> 8) & 0xff;
  input[input.length - 1] = bits & 0xff;
  const out = new Uint8Array(bytes);
  for (let pos = 0, i = 0; pos < bytes; pos += SHA256_BYTES, i++) {
    input[0] = (i >>> 8) & 0xff;
    input[1] = i & 0xff;
    const block = hmac(kdk, [input]);
    out.set(block.subarray(0, Math.min(SHA256_BYTES, bytes - pos)), pos);
  }
  return out;
}

/**
 * Removes the PKCS#1 v1.5 type-2 padding of `em` with implicit rejection.
 *
 * @param em The raw RSA decryption, exactly the modulus length (k bytes).
 * @param kdk The key-derivation key from {@link deriveKdk} for this ciphertext.
 * @returns The message when the padding is valid; otherwise the deterministic synthetic
 * message (0 to k-11 bytes). Never throws on the content of `em`.
 */
export function unpadImplicit(hmac: HmacSha256, em: Uint8Array, kdk: Uint8Array): Uint8Array {
  const k = em.length;
  // Both PRF outputs are computed for every block, valid or not.
  const synthetic = prf(hmac, kdk, MESSAGE_LABEL, k);
  const candidates = prf(hmac, kdk, LENGTH_LABEL, LENGTH_CANDIDATES * 2);

  // A synthetic length is below k - 2 - 8 (at most k - 11, the longest real message); the
  // last of the 128 masked candidates under that bound wins, 0 if none is.
  const maxLength = k - 2 - 8;
  let mask = maxLength;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  let syntheticLength = 0;
  for (let i = 0; i < LENGTH_CANDIDATES * 2; i += 2) {
    const candidate = (((candidates[i] ?? 0) << 8) | (candidates[i + 1] ?? 0)) & mask;
    syntheticLength = select(lessThan(candidate, maxLength), candidate, syntheticLength);
  }
  const syntheticIndex = k - syntheticLength;

  let good = isZero(em[0] ?? 1) & equals(em[1] ?? 0, 2);
  let found = 0;
  let zeroIndex = 0;
  for (let i = 2; i < k; i++) {
    const zero = isZero(em[i] ?? 1);
    zeroIndex = select(zero & (found ^ 1), i, zeroIndex);
    found |= zero;
  }
  // At least 8 bytes of padding; no separator at all leaves zeroIndex at 0, which fails too.
  good &= lessThan(zeroIndex, 2 + 8) ^ 1;
  const index = select(good, zeroIndex + 1, syntheticIndex);

  // The output's length reveals nothing more than the synthetic one would; every byte is
  // still read from both buffers so the memory access pattern does not depend on `good`.
  const out = new Uint8Array(k - index);
  for (let i = index, j = 0; i < k; i++, j++) {
    out[j] = select(good, em[i] ?? 0, synthetic[i] ?? 0);
  }
  return out;
}
