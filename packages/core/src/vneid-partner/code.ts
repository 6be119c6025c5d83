import { DinhDanhError } from '../errors';
import { decodeBase64, encodeBase64 } from './base64';
import { resolveBackend } from './backend/detect';
import type { AesMode, PartnerCryptoBackendChoice } from './backend/types';
import { envelopeInvalid, OpenFailure } from './failure';
import { importPartnerPrivateKey, importPartnerPublicKey } from './keys';
import type { PartnerPrivateKeyInput, PartnerPublicKeyInput } from './keys';
import { MAX_CODE_CHARS, MAX_PLAIN_CODE_CHARS } from './limits';
import { checkMode, codeModes, openHybrid, sealHybrid } from './scheme';

/** Options of {@link decryptCode}. */
export interface DecryptCodeOptions {
  /** The relying party's RSA private key (PEM, JWK, or imported with `importPartnerPrivateKey`). */
  readonly privateKey: PartnerPrivateKeyInput;
  /**
   * AES mode: `ecb` (observed default), `cbc` (IV in the first 16 bytes), or `auto`: ECB
   * tried first, then CBC; the first that yields a well-formed code wins.
   */
  readonly mode?: AesMode | 'auto';
  /** Crypto implementation; `auto` (default) probes the runtime. */
  readonly backend?: PartnerCryptoBackendChoice;
}

/** Options of {@link encryptCode}. */
export interface EncryptCodeOptions {
  /** The relying party's RSA public key (PEM, JWK, or imported with `importPartnerPublicKey`). */
  readonly publicKey: PartnerPublicKeyInput;
  /** AES mode: `ecb` (default) or `cbc`. */
  readonly mode?: AesMode;
  /** Crypto implementation; `auto` (default) probes the runtime. */
  readonly backend?: PartnerCryptoBackendChoice;
  /** AES key length in bytes: 16, 24 or 32 (default 32). */
  readonly aesKeyLength?: 16 | 24 | 32;
}

/** An encrypted authorization code as it arrives on the callback. */
export interface EncryptedCode {
  /** The code under AES, standard base64 (may contain `+` and `/`). */
  readonly code: string;
  /** The AES key under RSAES-PKCS1-v1_5, standard base64: the `encrypt_key` parameter. */
  readonly encryptKey: string;
}

// An authorization code is printable ASCII (observed: GUIDs, dot-separated GUIDs).
const CODE_TEXT = /^[\x21-\x7e]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A decrypted code is 1 to 4096 bytes of printable ASCII (so its bytes are its characters). */
function isCodeText(plain: Uint8Array): boolean {
  return (
    plain.length > 0 &&
    plain.length <= MAX_PLAIN_CODE_CHARS &&
    plain.every((byte) => byte >= 0x21 && byte <= 0x7e)
  );
}

/**
 * Decrypts an authorization code that arrived encrypted, with `encrypt_key` beside it on
 * the callback (DOMAIN.md dialect 5). Both are attacker-controlled input: call this only
 * after the callback's `state` matched a live login transaction.
 *
 * Read `code` and `encrypt_key` from the raw query string: a `+` in them is data, and
 * form-decoding would turn it into a space (which this function refuses).
 *
 * @param code The `code` callback parameter (standard base64).
 * @param encryptKey The `encrypt_key` callback parameter (standard base64).
 * @param options The private key, AES mode and backend.
 * @returns The plain authorization code, to send to the token endpoint.
 * @throws `envelope_invalid` for any failure to decrypt (one message, no cause); `config_invalid` for a bad key or option.
 *
 * @example
 * ```ts
 * const code = await decryptCode(rawCode, rawEncryptKey, { privateKey });
 * ```
 */
export async function decryptCode(
  code: string,
  encryptKey: string,
  options: DecryptCodeOptions,
): Promise<string> {
  const privateKey = importPartnerPrivateKey(options.privateKey);
  const modes = codeModes(options.mode ?? 'ecb');
  const backend = await resolveBackend(options.backend);
  try {
    if (typeof code !== 'string' || typeof encryptKey !== 'string') throw new OpenFailure();
    const wrappedKey = decodeBase64(encryptKey, MAX_CODE_CHARS);
    const data = decodeBase64(code, MAX_CODE_CHARS);
    return utf8.decode(openHybrid(backend, privateKey, wrappedKey, data, modes, isCodeText));
  } catch {
    throw envelopeInvalid();
  }
}

/**
 * Encrypts an authorization code for the relying party's public key — the provider's
 * side of {@link decryptCode}, for the mock provider and tests.
 *
 * @param code The plain authorization code (printable ASCII).
 * @param options The public key, AES mode, backend and AES key length.
 * @returns The encrypted `code` and `encryptKey`, standard base64.
 * @throws `input_invalid` for a code that is not printable ASCII; `config_invalid` for a bad key or option.
 *
 * @example
 * ```ts
 * const { code, encryptKey } = await encryptCode('3f2c…', { publicKey: rpPublicJwk });
 * ```
 */
export async function encryptCode(
  code: string,
  options: EncryptCodeOptions,
): Promise<EncryptedCode> {
  const publicKey = importPartnerPublicKey(options.publicKey);
  const mode = checkMode(options.mode);
  const backend = await resolveBackend(options.backend);
  if (typeof code !== 'string' || code.length > MAX_PLAIN_CODE_CHARS || !CODE_TEXT.test(code)) {
    throw new DinhDanhError(
      'input_invalid',
      'An authorization code is 1 to 4096 printable ASCII characters.',
      {
        path: 'code',
      },
    );
  }
  const sealed = sealHybrid(
    backend,
    publicKey,
    new TextEncoder().encode(code),
    mode,
    options.aesKeyLength ?? 32,
  );
  return { code: encodeBase64(sealed.data), encryptKey: encodeBase64(sealed.wrappedKey) };
}
