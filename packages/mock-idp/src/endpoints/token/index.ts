/** POST /token: authenticate the client, then dispatch on grant_type. */
import { authenticateClient } from '../../clients/authenticate';
import { endpointUrl, PATHS, type Context } from '../../context';
import { verifyDpopProof } from '../../dpop/verify-proof';
import { delay } from '../../faults/switchboard';
import { oauthError, OAuthProblem, readParams, required } from '../../util/http';
import { authorizationCodeGrant } from './authorization-code';
import { deviceCodeGrant } from './device-code';
import { refreshTokenGrant } from './refresh-token';

/** The token endpoint. */
export async function token(ctx: Context, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'use POST', 405);
  const slow = ctx.faults.take('token_delay');
  if (slow !== undefined) await delay(slow.delayMs);
  if (ctx.faults.take('token_server_error'))
    return oauthError('server_error', 'injected fault', 500);
  if (ctx.faults.take('token_invalid_grant')) return oauthError('invalid_grant', 'injected fault');
  try {
    const params = await readParams(request);
    const { client } = await authenticateClient(
      { ...ctx, audiences: [endpointUrl(ctx, PATHS.token)] },
      request,
      params,
    );
    const grantType = required(params, 'grant_type');
    const jkt = await verifyDpopProof(ctx, request);
    switch (grantType) {
      case 'authorization_code':
        return await authorizationCodeGrant(ctx, client, params, jkt);
      case 'refresh_token':
        return await refreshTokenGrant(ctx, client, params, jkt);
      case 'urn:ietf:params:oauth:grant-type:device_code':
        return await deviceCodeGrant(ctx, client, params, jkt);
      default:
        throw new OAuthProblem(
          'unsupported_grant_type',
          `grant_type ${grantType} is not supported`,
        );
    }
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}
