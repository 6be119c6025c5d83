import { DinhDanhError } from '../errors';
import { decodeBase64, encodeBase64 } from './base64';
import { resolveBackend } from './backend/detect';
import type { AesMode, PartnerCryptoBackendChoice } from './backend/types';
import { envelopeInvalid, OpenFailure } from './failure';
import { importPartnerPrivateKey, importPartnerPublicKey } from './keys';
import type { PartnerPrivateKeyInput, PartnerPublicKeyInput } from './keys';
import { MAX_CODE_CHARS, MAX_ENVELOPE_CHARS } from './limits';
import { checkMode, openHybrid, sealHybrid } from './scheme';

/** The encrypted body as it travels: `{"data": base64, "key": base64}`. */
export interface Envelope {
  /** The JSON body under AES (ECB, or CBC with the IV first), standard base64. */
  readonly data: string;
  /** The AES key under RSAES-PKCS1-v1_5 to the relying party's public key, standard base64. */
  readonly key: string;
}

/** Options of {@link openEnvelope}. */
export interface OpenEnvelopeOptions {
  /** The relying party's RSA private key (PEM, JWK, or imported with `importPartnerPrivateKey`). */
  readonly privateKey: PartnerPrivateKeyInput;
  /** AES mode: `ecb` (observed default) or `cbc` (IV in the first 16 bytes of `data`). */
  readonly mode?: AesMode;
  /** Crypto implementation; `auto` (default) probes the runtime. */
  readonly backend?: PartnerCryptoBackendChoice;
  /**
   * Top-level members the decrypted JSON must carry (present, not null, not empty), for
   * example `['access_token']` for a token response or `['citizenPid']` for userinfo.
   */
  readonly require?: readonly string[];
}

/** Options of {@link sealEnvelope}. */
export interface SealEnvelopeOptions {
  /** The relying party's RSA public key (PEM, JWK, or imported with `importPartnerPublicKey`). */
  readonly publicKey: PartnerPublicKeyInput;
  /** AES mode: `ecb` (default) or `cbc`. */
  readonly mode?: AesMode;
  /** Crypto implementation; `auto` (default) probes the runtime. */
  readonly backend?: PartnerCryptoBackendChoice;
  /** AES key length in bytes: 16, 24 or 32 (default 32). */
  readonly aesKeyLength?: 16 | 24 | 32;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new OpenFailure();
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new OpenFailure();
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function outer(body: unknown): Envelope {
  let value = body;
  if (body instanceof Uint8Array) {
    if (body.length > MAX_ENVELOPE_CHARS) throw new OpenFailure();
    value = decodeUtf8(body);
  }
  if (typeof value === 'string') {
    if (value.length > MAX_ENVELOPE_CHARS) throw new OpenFailure();
    value = parseJson(value);
  }
  if (!isObject(value) || typeof value.data !== 'string' || typeof value.key !== 'string') {
    throw new OpenFailure();
  }
  return { data: value.data, key: value.key };
}

function hasRequired(json: Record<string, unknown>, required: readonly string[]): boolean {
  return required.every((name) => {
    const value = Object.hasOwn(json, name) ? json[name] : undefined;
    return value !== undefined && value !== null && value !== '';
  });
}

/**
 * Opens an encrypted token or userinfo response of the VNeID partner protocol
 * (`{"data", "key"}`, DOMAIN.md dialect 5) and returns the JSON object inside.
 *
 * Every failure — malformed JSON or base64, a wrong key, bad padding, truncated data,
 * non-JSON plaintext, a missing required member — gives the same `envelope_invalid`
 * error with the same message and no cause: no padding oracle, and nothing of the body,
 * the key or the plaintext in the error.
 *
 * @param body The response body: text, bytes, or already-parsed JSON.
 * @param options The private key, AES mode, backend and required members.
 * @returns The decrypted JSON object.
 * @throws `envelope_invalid` for any failure to open; `config_invalid` for a bad key or
 * option; `runtime_unsupported` when `backend: 'node'` is forced where it cannot run.
 *
 * @example
 * ```ts
 * const privateKey = importPartnerPrivateKey(process.env.VNEID_RP_KEY_PEM!);
 * const tokens = await openEnvelope(await response.text(), { privateKey, require: ['access_token'] });
 * ```
 */
export async function openEnvelope(
  body: string | Uint8Array | Envelope | Readonly<Record<string, unknown>>,
  options: OpenEnvelopeOptions,
): Promise<Record<string, unknown>> {
  const privateKey = importPartnerPrivateKey(options.privateKey);
  const mode = checkMode(options.mode);
  const backend = await resolveBackend(options.backend);
  const required = options.require ?? [];
  try {
    const envelope = outer(body);
    const wrappedKey = decodeBase64(envelope.key, MAX_CODE_CHARS);
    const data = decodeBase64(envelope.data, MAX_ENVELOPE_CHARS);
    const plain = openHybrid(backend, privateKey, wrappedKey, data, [mode]);
    const json = parseJson(decodeUtf8(plain));
    if (!isObject(json) || !hasRequired(json, required)) throw new OpenFailure();
    return json;
  } catch {
    // Whatever failed, and however: one code, one message, no cause.
    throw envelopeInvalid();
  }
}

/**
 * Encrypts a JSON object into a `{"data", "key"}` envelope for the relying party's public
 * key — the provider's side of {@link openEnvelope}, for the mock provider and tests.
 *
 * @param json The body to encrypt (a JSON object).
 * @param options The public key, AES mode, backend and AES key length.
 * @returns The envelope; send it as `JSON.stringify(envelope)`.
 * @throws `input_invalid` when `json` is not a JSON object; `config_invalid` for a bad key or option.
 *
 * @example
 * ```ts
 * const envelope = await sealEnvelope({ access_token: 'at' }, { publicKey: rpPublicJwk, mode: 'ecb' });
 * ```
 */
export async function sealEnvelope(json: object, options: SealEnvelopeOptions): Promise<Envelope> {
  const publicKey = importPartnerPublicKey(options.publicKey);
  const mode = checkMode(options.mode);
  const backend = await resolveBackend(options.backend);
  if (!isObject(json)) {
    throw new DinhDanhError('input_invalid', 'sealEnvelope encrypts a JSON object.', {
      path: 'json',
    });
  }
  const text = JSON.stringify(json);
  const sealed = sealHybrid(
    backend,
    publicKey,
    new TextEncoder().encode(text),
    mode,
    options.aesKeyLength ?? 32,
  );
  return { data: encodeBase64(sealed.data), key: encodeBase64(sealed.wrappedKey) };
}
