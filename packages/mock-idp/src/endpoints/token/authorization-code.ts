/** grant_type=authorization_code (RFC 6749 §4.1.3, RFC 7636 §4.6). */
import type { Context } from '../../context';
import type { MockClient } from '../../options';
import { tokenResponse } from '../../tokens/token-response';
import { OAuthProblem, required, single } from '../../util/http';
import { sha256b64 } from '../../util/random';

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** Exchange a code. Reuse revokes every token of the grant (RFC 6749 §4.1.2). */
export async function authorizationCodeGrant(
  ctx: Context,
  client: MockClient,
  params: URLSearchParams,
  jkt: string | undefined,
): Promise<Response> {
  const code = required(params, 'code');
  const record = ctx.store.codes.get(code);
  if (record === undefined || record.clientId !== client.clientId) {
    throw new OAuthProblem(
      'invalid_grant',
      'the authorization code is unknown or was issued to another client',
    );
  }
  if (record.used) {
    ctx.store.revokeGrant(record.grantId);
    throw new OAuthProblem(
      'invalid_grant',
      'the authorization code was already used; its tokens are revoked',
    );
  }
  record.used = true;
  if (record.expiresAt < ctx.now())
    throw new OAuthProblem('invalid_grant', 'the authorization code has expired');
  if (single(params, 'redirect_uri') !== record.redirectUri) {
    throw new OAuthProblem('invalid_grant', 'redirect_uri differs from the authorization request');
  }
  const verifier = single(params, 'code_verifier');
  if (verifier === undefined)
    throw new OAuthProblem('invalid_request', 'code_verifier is missing (PKCE)');
  if (!VERIFIER.test(verifier) || (await sha256b64(verifier)) !== record.codeChallenge) {
    throw new OAuthProblem('invalid_grant', 'code_verifier does not match the code_challenge');
  }
  if (record.dpopJkt !== undefined && record.dpopJkt !== jkt) {
    throw new OAuthProblem(
      'invalid_dpop_proof',
      'the code is bound to another DPoP key (dpop_jkt)',
    );
  }
  const grant = ctx.store.grants.get(record.grantId);
  if (grant === undefined || ctx.store.revokedGrants.has(grant.id)) {
    throw new OAuthProblem('invalid_grant', 'the grant was revoked');
  }
  return tokenResponse(ctx, grant, client, { withNonce: true, jkt });
}
