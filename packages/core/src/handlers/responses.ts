import { DinhDanhError, isDinhDanhError } from '../errors';
import { redact } from '../redact';
import { errorPage, pageLocale, wantsPage, type ErrorPageLinks } from './error-page';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** Headers for a response that must not be cached. */
export function noStoreHeaders(): Headers {
  return new Headers(NO_STORE);
}

/** A JSON response, never cached. */
export function json(body: unknown, status = 200, headers = noStoreHeaders()): Response {
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status, headers });
}

/**
 * An app's own response (from `onLogin` or `onError`) with the handler's cookies added
 * (a cleared login cookie, say), never cached unless the app said otherwise.
 */
export function withHandlerHeaders(response: Response, headers: Headers): Response {
  const merged = new Headers(response.headers);
  for (const cookie of headers.getSetCookie()) merged.append('set-cookie', cookie);
  if (!merged.has('cache-control')) merged.set('cache-control', 'no-store');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: merged,
  });
}

/** A redirect, never cached. */
export function redirect(
  location: string,
  status: 302 | 303,
  headers = noStoreHeaders(),
): Response {
  headers.set('location', location);
  return new Response(null, { status, headers });
}

/** 405 with the methods allowed. */
export function methodNotAllowed(allow: string): Response {
  const headers = noStoreHeaders();
  headers.set('allow', allow);
  return json({ error: { code: 'input_invalid', message: `Use ${allow}.` } }, 405, headers);
}

/** Any thrown value as a DinhDanhError (unknown errors become a generic 500). */
export function asDinhDanhError(error: unknown): DinhDanhError {
  if (isDinhDanhError(error)) return error;
  return new DinhDanhError('server_error', 'Unexpected error while handling the request.', {
    cause: error,
    status: 500,
  });
}

/**
 * The error as the client sees it: code, status and a redacted message as JSON for API
 * callers; for a browser that navigated here, a page in plain words (Vietnamese, or
 * English when asked) with a way back. Never tokens, never personal numbers.
 */
export async function errorResponse(
  error: DinhDanhError,
  request: Request,
  links: ErrorPageLinks,
  headers = noStoreHeaders(),
): Promise<Response> {
  if (wantsPage(request)) {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      url = new URL('http://localhost/');
    }
    return errorPage(error, pageLocale(request, url), links, headers);
  }
  return json(
    {
      error: {
        code: error.code,
        message: redact(error.message),
        ...(error.path === undefined ? {} : { path: error.path }),
      },
    },
    error.status,
    headers,
  );
}
