import { DinhDanhError } from '../errors';
import { readBounded } from './bounded-fetch';

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
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
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

/** Reads a request body as UTF-8 text, bounded like {@link readBody}. */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBody(request, maxBytes));
}
