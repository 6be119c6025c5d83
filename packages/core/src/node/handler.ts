import { DinhDanhError, isDinhDanhError } from '../errors';
import { redact } from '../redact';
import { translateRequest, type ToWebRequestOptions } from './request';
import { sendWebResponse } from './response';
import type { NodeIncomingRequest, NodeServerResponse } from './types';

/** A web handler: what `createAuthHandlers(...).handle` and `fetch`-style apps are. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/** A `node:http` request listener (it answers every request itself, errors included). */
export type NodeListener = (req: NodeIncomingRequest, res: NodeServerResponse) => void;

function problem(error: DinhDanhError, extra: Record<string, string> = {}): Response {
  return new Response(
    JSON.stringify({ error: { code: error.code, message: redact(error.message) } }),
    {
      status: error.status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        ...extra,
      },
    },
  );
}

const ALLOW = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * Serves one Node request with a web handler: translates it ({@link toWebRequest}'s rules),
 * runs the handler and writes the response. A body past the cap that the handler read is
 * answered 413 (and the connection closed); a method `Request` refuses 405; a bad
 * request-target 400; a handler that throws 500, without the error's details.
 *
 * The body of {@link toNodeHandler}, for framework adapters that route first.
 */
export async function serveNodeRequest(
  req: NodeIncomingRequest,
  res: NodeServerResponse,
  handler: WebHandler,
  options: ToWebRequestOptions = {},
): Promise<void> {
  let head = false;
  let response: Response;
  let tooLarge = false;
  try {
    head = (req.method ?? '').toUpperCase() === 'HEAD';
    const { request, body } = translateRequest(req, options);
    try {
      response = await handler(request);
    } catch (error) {
      if (!body.tooLarge) throw error;
      response = new Response(null);
    }
    if (body.tooLarge) {
      tooLarge = true;
      await response.body?.cancel().catch(() => undefined);
      response = problem(
        new DinhDanhError('input_invalid', 'The request body is too large.', {
          status: 413,
          path: 'body',
        }),
        { connection: 'close' },
      );
    }
  } catch (error) {
    const known = isDinhDanhError(error)
      ? error
      : new DinhDanhError('server_error', 'Unexpected error while handling the request.', {
          status: 500,
        });
    response = problem(known, known.status === 405 ? { allow: ALLOW } : {});
  }
  if (res.headersSent) return;
  await sendWebResponse(res, response, { head });
  // The rest of an oversized body is not worth reading: drop the connection.
  if (tooLarge) req.destroy();
}

/**
 * A `node:http` request listener over a web handler, so a plain Node server can serve
 * core's handlers without hand-writing the translation (the one that resolved
 * `//attacker.example` as the host and buffered bodies without limit).
 *
 * @param handler - A `Request → Response` function (for example `auth.handle`).
 * @param options - The app's public `origin`, `trustProxy`, `maxBodyBytes`.
 * @returns A listener for `http.createServer`.
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeHandler } from '@dinhdanh/core/node';
 * createServer(toNodeHandler(app, { origin: 'http://localhost:3000' })).listen(3000);
 * ```
 */
export function toNodeHandler(
  handler: WebHandler,
  options: ToWebRequestOptions = {},
): NodeListener {
  return (req, res) => {
    // serveNodeRequest answers its own failures; this only guards against a dead socket.
    serveNodeRequest(req, res, handler, options).catch(() => res.destroy());
  };
}
