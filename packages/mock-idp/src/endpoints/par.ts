/** POST /par: pushed authorization requests (RFC 9126). */
import { authenticateClient } from '../clients/authenticate';
import { verifyDpopProof } from '../dpop/verify-proof';
import {
  PageProblem,
  parseAuthorizationRequest,
  resolveClient,
} from '../authorization/parse-request';
import { endpointUrl, PATHS, type Context } from '../context';
import { json, oauthError, OAuthProblem, readParams } from '../util/http';
import { randomToken } from '../util/random';

/** Validate and store an authorization request; answer its `request_uri`. */
export async function par(ctx: Context, request: Request): Promise<Response> {
  if (request.method !== 'POST') return oauthError('invalid_request', 'use POST', 405);
  try {
    const params = await readParams(request);
    const { client } = await authenticateClient(
      { ...ctx, audiences: [endpointUrl(ctx, PATHS.token), endpointUrl(ctx, PATHS.par)] },
      request,
      params,
    );
    if (params.has('request_uri'))
      throw new OAuthProblem('invalid_request', 'request_uri is not allowed at /par');
    if (!params.has('client_id')) params.set('client_id', client.clientId);
    if (params.get('client_id') !== client.clientId) {
      throw new OAuthProblem('invalid_request', 'client_id differs from the authenticated client');
    }
    let redirectUri: string;
    try {
      ({ redirectUri } = resolveClient(ctx, params));
    } catch (error) {
      if (error instanceof PageProblem)
        throw new OAuthProblem('invalid_request', error.description);
      throw error;
    }
    parseAuthorizationRequest(ctx, params, client, redirectUri);
    // client authentication parameters are not part of the authorization request
    for (const name of ['client_secret', 'client_assertion', 'client_assertion_type'])
      params.delete(name);
    // RFC 9449 §10.1: a DPoP proof at PAR binds the code to that key
    const jkt = await verifyDpopProof(ctx, request);
    if (jkt !== undefined) {
      if (params.has('dpop_jkt') && params.get('dpop_jkt') !== jkt) {
        throw new OAuthProblem('invalid_dpop_proof', 'dpop_jkt differs from the DPoP proof key');
      }
      params.set('dpop_jkt', jkt);
    }
    const requestUri = `urn:ietf:params:oauth:request_uri:${randomToken(24)}`;
    ctx.store.pushed.set(requestUri, {
      clientId: client.clientId,
      params,
      expiresAt: ctx.now() + ctx.options.lifetimes.par * 1000,
    });
    return json({ request_uri: requestUri, expires_in: ctx.options.lifetimes.par }, 201);
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}
