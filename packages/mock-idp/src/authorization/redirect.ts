/** Responses to the client's redirect URI, always with `iss` (RFC 9207) and `state`. */
import type { Context } from '../context';
import { redirect } from '../util/http';

/** Redirect to the client with the given parameters plus `state` and `iss`. */
export function redirectToClient(
  ctx: Context,
  redirectUri: string,
  state: string | undefined,
  params: Record<string, string>,
  status: 302 | 303 = 302,
): Response {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
  if (state !== undefined) url.searchParams.append('state', state);
  url.searchParams.append('iss', ctx.issuer);
  return redirect(url.href, status);
}

/** Redirect an authorization error (RFC 6749 §4.1.2.1). */
export function redirectError(
  ctx: Context,
  redirectUri: string,
  state: string | undefined,
  error: string,
  description: string,
  status: 302 | 303 = 302,
): Response {
  return redirectToClient(
    ctx,
    redirectUri,
    state,
    { error, error_description: description },
    status,
  );
}
