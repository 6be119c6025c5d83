/** Small helpers to answer with web-standard Responses, the way OAuth 2.0 specifies. */

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const;

/** A JSON response that must not be cached (RFC 6749 §5.1). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** An OAuth 2.0 error response (RFC 6749 §5.2). */
export function oauthError(
  error: string,
  description: string,
  status = 400,
  headers: Record<string, string> = {},
): Response {
  return json({ error, error_description: description }, status, headers);
}

/** An HTML page with the given (security) headers. */
export function html(
  body: string,
  headers: Readonly<Record<string, string>>,
  status = 200,
): Response {
  return new Response(body, { status, headers: { ...headers } });
}

/** A 303 redirect (after a form post) or 302 (after a GET). */
export function redirect(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { location, ...NO_STORE } });
}

/** Raised inside an endpoint to answer with an OAuth error. */
export class OAuthProblem extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }

  /** The JSON error response. */
  toResponse(): Response {
    return oauthError(this.error, this.description, this.status, this.headers);
  }
}

/**
 * Parameters of a request: the query for GET, the form body for POST.
 * A repeated parameter is refused (RFC 6749 §3.1) unless listed in `repeatable`.
 */
export async function readParams(request: Request): Promise<URLSearchParams> {
  if (request.method === 'GET' || request.method === 'HEAD') {
    return new URL(request.url).searchParams;
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthProblem(
      'invalid_request',
      'send the parameters as application/x-www-form-urlencoded',
    );
  }
  return new URLSearchParams(await request.text());
}

/** The single value of a parameter; repeated → `invalid_request`. */
export function single(params: URLSearchParams, name: string): string | undefined {
  const all = params.getAll(name);
  if (all.length > 1) throw new OAuthProblem('invalid_request', `parameter ${name} is repeated`);
  const value = all[0];
  return value === '' ? undefined : value;
}

/** A required parameter; missing → `invalid_request`. */
export function required(params: URLSearchParams, name: string): string {
  const value = single(params, name);
  if (value === undefined)
    throw new OAuthProblem('invalid_request', `parameter ${name} is missing`);
  return value;
}
