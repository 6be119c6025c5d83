/**
 * Caps the size of provider responses read by openid-client, so a hostile or broken
 * provider cannot make the relying party buffer megabytes (a 1 MB token, an endless
 * userinfo stream).
 */
import { DinhDanhError } from '../errors';
import { declaredLength, readBounded } from './bounded-read';
import type { FetchLike } from './fetch';

/** The error a response over the limit fails with, given its URL. */
export type TooLarge = (url: string, maxBytes: number) => DinhDanhError;

const responseTooLarge: TooLarge = (_url, maxBytes) =>
  new DinhDanhError(
    'provider_response_invalid',
    `The provider sent a response larger than ${maxBytes} bytes; it was refused.`,
  );

/**
 * Wraps `fetch` so response bodies larger than `maxBytes` fail with `tooLarge` (default
 * `provider_response_invalid`).
 *
 * A body is counted while it is read (and copied into a new `Response`) unless the response
 * came from the network (`type` `basic` or `cors`, which a `Response` built in code never
 * has), declares a `content-length` within the limit and is not compressed: there the
 * HTTP framing already stops the body at the declared length, so it is handed on as is.
 * Bodies without a length, compressed bodies (the length is the compressed size) and
 * responses from an injected `fetch` that builds them itself (whose header may lie) are
 * always counted.
 */
export function boundedFetch(
  fetchFn: FetchLike,
  maxBytes: number,
  tooLarge: TooLarge = responseTooLarge,
): FetchLike {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await fetchFn(input, init);
    const declared = declaredLength(response.headers);
    if (declared !== undefined && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(url, maxBytes);
    }
    if (response.body === null) return response;
    if (declared !== undefined && framedByNetwork(response)) return response;
    const body = await readBounded(response, maxBytes);
    if (body === undefined) throw tooLarge(url, maxBytes);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The body is the network's, unencoded: it cannot run past its `content-length`. */
function framedByNetwork(response: Response): boolean {
  if (response.type !== 'basic' && response.type !== 'cors') return false;
  const encoding = response.headers.get('content-encoding');
  return encoding === null || encoding.trim().toLowerCase() === 'identity';
}
