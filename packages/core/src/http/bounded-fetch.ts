/**
 * Caps the size of provider responses read by openid-client, so a hostile or broken
 * provider cannot make the relying party buffer megabytes (a 1 MB token, an endless
 * userinfo stream).
 */
import { DinhDanhError } from '../errors';
import type { FetchLike } from './fetch';

/**
 * Wraps `fetch` so response bodies larger than `maxBytes` fail with `provider_response_invalid`.
 *
 * A body is counted while it is read (and copied into a new `Response`) unless the response
 * came from the network (`type` `basic` or `cors`, which a `Response` built in code never
 * has), declares a `content-length` within the limit and is not compressed: there the
 * HTTP framing already stops the body at the declared length, so it is handed on as is.
 * Bodies without a length, compressed bodies (the length is the compressed size) and
 * responses from an injected `fetch` that builds them itself (whose header may lie) are
 * always counted.
 */
export function boundedFetch(fetchFn: FetchLike, maxBytes: number): FetchLike {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    const declared = declaredLength(response);
    if (declared !== undefined && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    if (response.body === null) return response;
    if (declared !== undefined && framedByNetwork(response)) return response;
    const body = await readBounded(response, maxBytes);
    if (body === undefined) throw tooLarge(maxBytes);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function declaredLength(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  if (header === null) return undefined;
  const value = Number(header);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The body is the network's, unencoded: it cannot run past its `content-length`. */
function framedByNetwork(response: Response): boolean {
  if (response.type !== 'basic' && response.type !== 'cors') return false;
  const encoding = response.headers.get('content-encoding');
  return encoding === null || encoding.trim().toLowerCase() === 'identity';
}

function tooLarge(maxBytes: number): DinhDanhError {
  return new DinhDanhError(
    'provider_response_invalid',
    `The provider sent a response larger than ${maxBytes} bytes; it was refused.`,
  );
}

/**
 * Reads a response (or request) body while counting its bytes; stops and cancels the
 * stream as soon as it passes `maxBytes` (`undefined`), so a huge body is never buffered
 * whole.
 */
export async function readBounded(
  response: Pick<Response, 'headers' | 'body'>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
