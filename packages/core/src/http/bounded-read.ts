/**
 * Reading a body (a provider's response or a request to the handlers) without buffering
 * more than a limit, and the one parser of `content-length` they share.
 */

/**
 * The `content-length` a message declares: a non-negative safe integer, or `undefined`
 * when the header is absent or not a number (then only counting the body tells its size).
 */
export function declaredLength(headers: Headers): number | undefined {
  const header = headers.get('content-length');
  if (header === null || !/^\s*\d+\s*$/.test(header)) return undefined;
  const value = Number(header);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Reads a response (or request) body while counting its bytes; stops and cancels the
 * stream as soon as it passes `maxBytes` (`undefined`), so a huge body is never buffered
 * whole. A declared `content-length` above the limit is refused before reading.
 */
export async function readBounded(
  message: Pick<Response, 'headers' | 'body'>,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const declared = declaredLength(message.headers);
  if (declared !== undefined && declared > maxBytes) {
    await message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (message.body === null) return new Uint8Array(0);
  const reader = message.body.getReader();
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
