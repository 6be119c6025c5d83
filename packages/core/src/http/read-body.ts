import { DinhDanhError } from '../errors';
import { declaredLength, readBounded } from './bounded-read';

function tooLarge(maxBytes: number): DinhDanhError {
  return new DinhDanhError('input_invalid', `The request body exceeds ${String(maxBytes)} bytes.`, {
    status: 413,
    path: 'body',
  });
}

/**
 * Reads a request body as raw bytes, refusing a declared `content-length` above `maxBytes`
 * before reading, and stopping (cancelling the stream) as soon as more than `maxBytes` arrive.
 *
 * @throws `input_invalid` (status 413) when the body is too large or was already read.
 */
export async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = declaredLength(request.headers);
  if (declared !== undefined && declared > maxBytes) throw tooLarge(maxBytes);
  if (request.bodyUsed) {
    throw new DinhDanhError(
      'input_invalid',
      'The request body was already read; pass the untouched Request.',
      { path: 'body' },
    );
  }
  const body = await readBounded(request, maxBytes);
  if (body === undefined) throw tooLarge(maxBytes);
  return body;
}

/** Reads a request body as UTF-8 text, bounded like {@link readRequestBody}. */
export async function readRequestText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readRequestBody(request, maxBytes));
}
