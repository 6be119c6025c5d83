import type { PartnerPrivateKey, PartnerPublicKey } from '../keys';

/** AES mode of the envelope: ECB without IV (observed default) or CBC with the IV in the first 16 bytes. */
export type AesMode = 'ecb' | 'cbc';

/** Which implementation to use: detect (`auto`), the platform's `node:crypto`, or pure-JS `forge`. */
export type PartnerCryptoBackendChoice = 'auto' | 'node' | 'forge';

/** Which implementation each primitive uses on this runtime, and why. */
export interface PartnerCryptoBackendInfo {
  /** What was asked for. */
  readonly requested: PartnerCryptoBackendChoice;
  /** Implementation of RSAES-PKCS1-v1_5 (decryption of `key` and `encrypt_key`). */
  readonly rsa: 'node' | 'forge';
  /** Implementation of AES-ECB / AES-CBC. */
  readonly aes: 'node' | 'forge';
  /**
   * Whether a malformed RSA block yields a synthetic plaintext instead of an error
   * (implicit rejection, the Marvin-attack defence): `true` on every runtime, either from
   * the platform or from dinhdanh (see `rsaPadding`).
   */
  readonly implicitRejection: boolean;
  /**
   * Who removes the PKCS#1 v1.5 padding: the platform (OpenSSL 3.2+, implicit rejection
   * built in) or dinhdanh, on the raw RSA result, with the implicit rejection of
   * draft-irtf-cfrg-rsa-guidance (the same algorithm, byte for byte).
   */
  readonly rsaPadding: 'platform' | 'dinhdanh';
  /** Why this choice was made, in a sentence, for logs and diagnostics. */
  readonly reason: string;
}

/** @internal RSAES-PKCS1-v1_5 with the relying party's key. Errors are thrown, never returned. */
export interface RsaImpl {
  decrypt(key: PartnerPrivateKey, ciphertext: Uint8Array): Uint8Array;
  encrypt(key: PartnerPublicKey, plaintext: Uint8Array): Uint8Array;
}

/** @internal AES in the envelope's modes. Decryption leaves the padding for the caller to check. */
export interface AesImpl {
  decryptUnpadded(
    mode: AesMode,
    key: Uint8Array,
    iv: Uint8Array | undefined,
    data: Uint8Array,
  ): Uint8Array;
  encryptPadded(
    mode: AesMode,
    key: Uint8Array,
    iv: Uint8Array | undefined,
    plain: Uint8Array,
  ): Uint8Array;
}

/** @internal A resolved backend. */
export interface Backend {
  readonly rsa: RsaImpl;
  readonly aes: AesImpl;
  readonly info: PartnerCryptoBackendInfo;
}
