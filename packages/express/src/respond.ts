import type { IncomingMessage, ServerResponse } from 'node:http';
import { DinhDanhError } from '@dinhdanh/core';
import { sendWebResponse } from '@dinhdanh/core/node';
import { getState } from './context';

/** The `next` callback Express passes to a middleware (an error ends the request there). */
export type Next = (error?: unknown) => void;

/** A `WWW-Authenticate: Bearer` challenge (RFC 6750 §3, RFC 9470 §3). */
export function bearerChallenge(params: Record<string, string | undefined>): string {
  const parts = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([name, value]) => `${name}="${value.replace(/["\\]/g, '')}"`);
  return parts.length === 0 ? 'Bearer' : `Bearer ${parts.join(', ')}`;
}

/**
 * Answers with an error: the app's `onError`, or core's default (an HTML page for
 * browsers, `{ error: { code, message } }` for API callers), plus any extra headers.
 */
export async function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  error: DinhDanhError,
  headers: Record<string, string> = {},
): Promise<void> {
  const state = getState(req);
  if (state === undefined) throw error;
  const response = await state.render(error, req);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  await sendWebResponse(res, response);
}

/** The gates need `dinhdanh()` mounted first. */
export function notMounted(gate: string): DinhDanhError {
  return new DinhDanhError(
    'config_invalid',
    `${gate}() needs app.use(dinhdanh({ rp, secrets })) before it.`,
  );
}

/**
 * Whether the request is a browser navigation (send it to log in) rather than an API call
 * (answer 401). `Sec-Fetch-Mode` decides when sent; else `X-Requested-With` or an `Accept`
 * without `text/html` marks an API caller.
 */
export function isNavigation(req: IncomingMessage): boolean {
  const mode = req.headers['sec-fetch-mode'];
  if (typeof mode === 'string') return mode === 'navigate';
  if (req.headers['x-requested-with'] !== undefined) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html');
}
