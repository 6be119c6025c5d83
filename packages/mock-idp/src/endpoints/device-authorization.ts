/** POST /device_authorization (RFC 8628 §3.1, §3.2). */
import { authenticateClient } from '../clients/authenticate';
import { parseAuthorizationRequest } from '../authorization/parse-request';
import { requestedAttributes } from '../authorization/requested-attributes';
import { endpointUrl, PATHS, type Context } from '../context';
import { json, oauthError, OAuthProblem, readParams } from '../util/http';
import { randomToken, userCode } from '../util/random';

/** Start a device authorization: a device code to poll and a user code for the phone. */
export async function deviceAuthorization(ctx: Context, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'use POST', 405);
  try {
    const params = await readParams(request);
    const { client } = await authenticateClient(
      {
        ...ctx,
        audiences: [endpointUrl(ctx, PATHS.token), endpointUrl(ctx, PATHS.deviceAuthorization)],
      },
      request,
      params,
    );
    const authRequest = parseAuthorizationRequest(ctx, params, client, '', { flow: 'device' });
    const deviceCode = randomToken(32);
    let code = userCode();
    while (ctx.store.userCodes.has(code)) code = userCode();
    const lifetime = ctx.options.lifetimes.deviceCode;
    ctx.store.devices.set(deviceCode, {
      deviceCode,
      userCode: code,
      clientId: client.clientId,
      request: authRequest,
      requested: requestedAttributes(authRequest.scope, authRequest.claims, client.dialect),
      expiresAt: ctx.now() + lifetime * 1000,
      status: 'pending',
      interval: ctx.options.devicePollInterval,
    });
    ctx.store.userCodes.set(code, deviceCode);
    const verificationUri = endpointUrl(ctx, PATHS.device);
    return json({
      device_code: deviceCode,
      user_code: code,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${encodeURIComponent(code)}`,
      expires_in: lifetime,
      interval: ctx.options.devicePollInterval,
    });
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}
