/**
 * Reads a plug-in protocol answer up to its size limit through http/'s bounded reader,
 * reporting the plug-in codes: `provider_response_too_large`, `provider_timeout`.
 */
import { DinhDanhError } from '../../errors';
import { readBounded } from '../../http/bounded-read';

/** The answer was over `maxBytes`. */
export function tooLarge(kind: string, maxBytes: number): DinhDanhError {
  return new DinhDanhError(
    'provider_response_too_large',
    `The provider's ${kind} answer is larger than ${String(maxBytes)} bytes; it was refused unread.`,
    { path: kind },
  );
}

/**
 * Whether a fetch or read failed because its deadline passed: a `TimeoutError`
 * (AbortSignal.timeout), or the relying party's bounded fetch's error, which carries one
 * as its cause.
 */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return true;
  return error instanceof DinhDanhError && isTimeout(error.cause);
}

/** The provider did not answer in time. */
export function timedOut(kind: string): DinhDanhError {
  return new DinhDanhError(
    'provider_timeout',
    `The provider's ${kind} endpoint did not answer in time.`,
    { path: kind },
  );
}

/** The provider could not be reached (refused, reset, DNS) or broke off. */
export function unreachable(kind: string): DinhDanhError {
  return new DinhDanhError(
    'provider_unreachable',
    `The provider's ${kind} endpoint could not be reached.`,
    { path: kind },
  );
}

/** The body as UTF-8 text, at most `maxBytes` bytes (the one bounded reader, plug-in codes). */
export async function readCapped(
  response: Response,
  kind: string,
  maxBytes: number,
): Promise<string> {
  let body: Uint8Array | undefined;
  try {
    body = await readBounded(response, maxBytes);
  } catch (error) {
    if (isTimeout(error)) throw timedOut(kind);
    if (error instanceof DinhDanhError) throw error;
    throw unreachable(kind);
  }
  if (body === undefined) throw tooLarge(kind, maxBytes);
  return new TextDecoder().decode(body);
}
