import type { NodeServerResponse } from './types';

/** Options of {@link sendWebResponse}. */
export interface SendWebResponseOptions {
  /** Send the status and headers only (the answer to a `HEAD` request). */
  readonly head?: boolean;
}

/**
 * Writes a web `Response` onto Node's `http.ServerResponse`: status, headers (each
 * `Set-Cookie` as its own header) and the body streamed with back-pressure. If the client
 * goes away, the body stream is cancelled.
 *
 * @param res - Node's response (`http.ServerResponse`, Express's `res`).
 * @param response - What a handler returned.
 * @param options - `head: true` to leave the body out.
 * @example
 * ```ts
 * await sendWebResponse(res, await auth.handle(toWebRequest(req, { origin })));
 * ```
 */
export async function sendWebResponse(
  res: NodeServerResponse,
  response: Response,
  options: SendWebResponseOptions = {},
): Promise<void> {
  res.statusCode = response.status;
  const grouped = new Map<string, string[]>();
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie') continue;
    grouped.set(name, [...(grouped.get(name) ?? []), value]);
  }
  for (const [name, values] of grouped)
    res.setHeader(name, values.length === 1 ? values[0]! : values);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (options.head === true || response.body === null) {
    await response.body?.cancel().catch(() => undefined);
    res.end();
    return;
  }
  const reader = response.body.getReader();
  let closed = false;
  res.once('close', () => {
    closed = true;
    reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || closed) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
    }
    if (!closed) res.end();
  } catch (error) {
    // Headers are out: the only honest signal left is to cut the connection.
    res.destroy(error instanceof Error ? error : undefined);
  }
}
