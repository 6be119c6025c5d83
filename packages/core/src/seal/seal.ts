/**
 * Sealing: JWE compact serialisation, `alg: dir`, `enc: A256GCM`, with a key derived from
 * the first configured secret. The payload carries its purpose and expiry, so a sealed
 * transaction cannot be replayed as a session, and expiry is checked against the caller's
 * clock rather than a cookie's Max-Age (which the browser, not we, enforces).
 */
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import { compactDecrypt } from 'jose/jwe/compact/decrypt';
import { CompactEncrypt } from 'jose/jwe/compact/encrypt';
import * as z from 'zod/mini';
import { DinhDanhError } from '../errors';
import { deriveSealKeys, type SealPurpose, type SealSecrets } from './secrets';

/** Options for sealing a value. */
export interface SealOptions {
  /** One secret or several (≥ 32 bytes each): the first seals. */
  secrets: SealSecrets;
  /** Lifetime in seconds. */
  ttl: number;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
}

/** Options for unsealing a value. */
export interface UnsealOptions {
  /** One secret or several (≥ 32 bytes each): any of them unseals. */
  secrets: SealSecrets;
  /** Clock in milliseconds since the epoch; defaults to `Date.now`. */
  now?: () => number;
}

/** Longest sealed string we try to open; anything longer is refused before any work. */
const MAX_SEALED_LENGTH = 64 * 1024;

const envelopeSchema = z.object({
  p: z.string(),
  iat: z.int(),
  exp: z.int(),
  v: z.unknown(),
});

function invalid(cause?: unknown): DinhDanhError {
  return new DinhDanhError(
    'seal_invalid',
    'The sealed value is not one this application sealed (tampered, truncated, or sealed with a secret no longer configured). Start again.',
    cause === undefined ? {} : { cause },
  );
}

function checkTtl(ttl: number): void {
  if (!Number.isInteger(ttl) || ttl <= 0) {
    throw new DinhDanhError(
      'config_invalid',
      'Seal `ttl` must be a positive whole number of seconds.',
    );
  }
}

/**
 * Seals any JSON value for one purpose.
 *
 * @throws `config_invalid` for bad secrets or ttl; `input_invalid` for a value JSON cannot hold.
 */
export async function sealValue(
  purpose: SealPurpose,
  value: unknown,
  options: SealOptions,
): Promise<string> {
  checkTtl(options.ttl);
  const [first] = await deriveSealKeys(options.secrets, purpose);
  if (first === undefined)
    throw new DinhDanhError('config_invalid', 'No sealing secret configured.');
  const iat = Math.floor((options.now ?? Date.now)() / 1000);
  let json: string;
  try {
    json = JSON.stringify({ p: purpose, iat, exp: iat + options.ttl, v: value });
  } catch (cause) {
    throw new DinhDanhError('input_invalid', 'The value to seal cannot be written as JSON.', {
      cause,
    });
  }
  return new CompactEncrypt(new TextEncoder().encode(json))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: first.kid })
    .encrypt(first.key);
}

/** The payload of a seal we opened, before its expiry is checked. */
interface Opened {
  readonly v: unknown;
  readonly exp: number;
}

async function openSealed(
  purpose: SealPurpose,
  sealed: unknown,
  options: UnsealOptions,
): Promise<Opened> {
  const keys = await deriveSealKeys(options.secrets, purpose);
  if (typeof sealed !== 'string' || sealed.length === 0 || sealed.length > MAX_SEALED_LENGTH) {
    throw invalid();
  }
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(sealed);
    if (header.alg !== 'dir' || header.enc !== 'A256GCM') throw invalid();
    kid = header.kid;
  } catch (cause) {
    throw invalid(cause);
  }
  const key = keys.find((candidate) => candidate.kid === kid);
  if (key === undefined) throw invalid();
  let plaintext: Uint8Array;
  try {
    ({ plaintext } = await compactDecrypt(sealed, key.key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    }));
  } catch (cause) {
    throw invalid(cause);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (cause) {
    throw invalid(cause);
  }
  const envelope = envelopeSchema.safeParse(parsed);
  if (!envelope.success || envelope.data.p !== purpose) throw invalid();
  return { v: envelope.data.v, exp: envelope.data.exp };
}

function unexpired(opened: Opened, options: UnsealOptions): unknown {
  const now = Math.floor((options.now ?? Date.now)() / 1000);
  if (now >= opened.exp) {
    throw new DinhDanhError('seal_expired', 'The sealed value has expired. Start again.');
  }
  return opened.v;
}

/**
 * Opens a value sealed by {@link sealValue} for the same purpose.
 *
 * @throws `seal_invalid` for anything not sealed by us for this purpose; `seal_expired`
 * past its expiry; `config_invalid` for bad secrets.
 */
export async function unsealValue(
  purpose: SealPurpose,
  sealed: unknown,
  options: UnsealOptions,
): Promise<unknown> {
  return unexpired(await openSealed(purpose, sealed, options), options);
}

/** Freezes a JSON value and everything in it; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** {@link unsealValue} for one purpose and one set of secrets, remembering what it opened. */
export type SealOpener = (sealed: unknown) => Promise<unknown>;

/**
 * An {@link unsealValue} for one purpose and fixed secrets that remembers about the
 * `maxEntries` seals it opened most recently, by their exact text: a session cookie sent
 * again is not decrypted again. Only a seal that decrypted and authenticated under these
 * secrets is remembered; its expiry is checked on every call, and callers validate the
 * value (a frozen copy of what was sealed) as they would a fresh one.
 */
export function rememberingUnsealer(
  purpose: SealPurpose,
  options: UnsealOptions,
  maxEntries = 256,
): SealOpener {
  // Looked up by the seal's authentication tag (its last part, short), and a hit must equal
  // the whole text: hashing a kilobyte-long cookie on every read costs more than the rest
  // of the lookup. Two generations stand in for an exact LRU: a hit costs one lookup, a
  // seal still in use moves to the young one, and the old one is dropped whole.
  const half = Math.max(1, Math.floor(maxEntries / 2));
  let young = new Map<string, Remembered>();
  let old = new Map<string, Remembered>();
  const remember = (tag: string, entry: Remembered): void => {
    if (young.size >= half) {
      old = young;
      young = new Map();
    }
    young.set(tag, entry);
  };
  return async (sealed) => {
    const tag = typeof sealed === 'string' ? sealed.slice(sealed.lastIndexOf('.') + 1) : '';
    const known = young.get(tag);
    if (known !== undefined && known.sealed === sealed) return unexpired(known, options);
    const aged = old.get(tag);
    if (aged !== undefined && aged.sealed === sealed) {
      remember(tag, aged);
      return unexpired(aged, options);
    }
    const fresh = await openSealed(purpose, sealed, options);
    const value = unexpired(fresh, options);
    remember(tag, { sealed: sealed as string, v: deepFreeze(fresh.v), exp: fresh.exp });
    return value;
  };
}

/** A seal {@link rememberingUnsealer} opened: its text and what it held. */
interface Remembered extends Opened {
  readonly sealed: string;
}

/**
 * Opens a value sealed for `purpose` and checks it against its schema.
 *
 * @param unknownShape - The `seal_invalid` message for a value of another shape.
 * @throws `seal_invalid` for anything not sealed by us for this purpose or of another
 * shape; `seal_expired`; `config_invalid`.
 */
export async function unsealAs<S extends z.ZodMiniType>(
  purpose: SealPurpose,
  schema: S,
  sealed: unknown,
  options: UnsealOptions,
  unknownShape: string,
): Promise<z.output<S>> {
  const parsed = schema.safeParse(await unsealValue(purpose, sealed, options));
  if (!parsed.success) {
    throw new DinhDanhError('seal_invalid', unknownShape);
  }
  return parsed.data;
}
