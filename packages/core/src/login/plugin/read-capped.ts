/**
 * Reads a plug-in protocol answer up to its size limit, counting bytes as they arrive so
 * that a larger answer is never buffered whole. (A bounded reader also lives in http/;
 * this one reports the plug-in codes: `provider_response_too_large`, `provider_timeout`.)
 */
import { DinhDanhError } from '../../errors';

/** The answer was over `maxBytes`. */
export function tooLarge(kind: string, maxBytes: number): DinhDanhError {
  return new DinhDanhError(
    'provider_response_too_large',
    `The provider's ${kind} answer is larger than ${String(maxBytes)} bytes; it was refused unread.`,
    { path: kind },
  );
}

/** Whether a fetch or read failed because its deadline passed (AbortSignal.timeout). */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError';
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

/** The body as UTF-8 text, at most `maxBytes` bytes. */
export async function readCapped(
  response: Response,
  kind: string,
  maxBytes: number,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isSafeInteger(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(kind, maxBytes);
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(kind, maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof DinhDanhError) throw error;
    throw isTimeout(error) ? timedOut(kind) : unreachable(kind);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}
