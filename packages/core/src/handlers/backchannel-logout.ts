import { isDinhDanhError } from '../errors';
import { readRequestText } from '../http/read-body';
import type { RelyingParty } from '../rp/types';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { json, noStoreHeaders } from './responses';

const MAX_BODY = 64 * 1024;

function badRequest(description: string): Response {
  return json({ error: 'invalid_request', error_description: description }, 400);
}

/**
 * `POST {basePath}/backchannel-logout` (OpenID Connect Back-Channel Logout 1.0): verifies
 * the `logout_token` and ends the matching sessions. 200 on success; 400 with
 * `invalid_request` otherwise; never cached. No CSRF check: the signed token is the proof.
 */
export async function backchannelLogout(
  rp: RelyingParty,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const type = ctx.request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return badRequest('Send logout_token as application/x-www-form-urlencoded.');
  }
  let body: string;
  try {
    body = await readRequestText(ctx.request, MAX_BODY);
  } catch {
    return badRequest('The request body is too large.');
  }
  const token = new URLSearchParams(body).get('logout_token');
  if (token === null || token === '') return badRequest('logout_token is missing.');
  let match: { sub?: string; sid?: string };
  try {
    match = await rp.verifyLogoutToken(token);
  } catch (error) {
    if (isDinhDanhError(error)) return badRequest(`The logout token was refused (${error.code}).`);
    return badRequest('The logout token could not be verified.');
  }
  try {
    await sessions.endMatching(rp.issuer, match);
  } catch (error) {
    // The spec has no 5xx here: a failed logout is a 400, so the provider may retry.
    const code = isDinhDanhError(error) ? error.code : 'server_error';
    return badRequest(`The sessions could not be ended (${code}).`);
  }
  return new Response(null, { status: 200, headers: noStoreHeaders() });
}
