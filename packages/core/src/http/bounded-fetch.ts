/**
 * Caps the size of provider responses read by openid-client, so a hostile or broken
 * provider cannot make the relying party buffer megabytes (a 1 MB token, an endless
 * userinfo stream).
 */
import { DinhDanhError } from '../errors';
import type { FetchLike } from './fetch';

/** Wraps `fetch` so response bodies larger than `maxBytes` fail with `provider_response_invalid`. */
export function boundedFetch(fetchFn: FetchLike, maxBytes: number): FetchLike {
  return async (input, init) => {
    const response = await fetchFn(input, init);
    const declared = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (response.body === null) return response;
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function tooLarge(maxBytes: number): DinhDanhError {
  return new DinhDanhError(
    'provider_response_invalid',
    `The provider sent a response larger than ${maxBytes} bytes; it was refused.`,
  );
}
