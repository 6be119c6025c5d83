/** POST /revoke: token revocation (RFC 7009). */
import { authenticateClient } from '../clients/authenticate';
import { endpointUrl, PATHS, type Context } from '../context';
import { oauthError, OAuthProblem, readParams, required } from '../util/http';

/** Revoke an access or refresh token of the authenticated client; unknown tokens are fine (§2.2). */
export async function revocation(ctx: Context, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'use POST', 405);
  try {
    const params = await readParams(request);
    const { client } = await authenticateClient(
      { ...ctx, audiences: [endpointUrl(ctx, PATHS.token), endpointUrl(ctx, PATHS.revocation)] },
      request,
      params,
    );
    const token = required(params, 'token');
    const access = ctx.store.accessTokens.get(token);
    if (access?.clientId === client.clientId) ctx.store.accessTokens.delete(token);
    const refresh = ctx.store.refreshTokens.get(token);
    // revoking a refresh token ends the whole grant, access tokens included (§2.1)
    if (refresh?.clientId === client.clientId) ctx.store.revokeGrant(refresh.grantId);
    return new Response(null, { status: 200, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}
