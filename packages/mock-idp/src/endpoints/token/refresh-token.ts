/** grant_type=refresh_token (RFC 6749 §6) with rotation; reuse revokes the grant (RFC 9700 §4.14). */
import type { Context } from '../../context';
import type { MockClient } from '../../options';
import { tokenResponse } from '../../tokens/token-response';
import { OAuthProblem, required, single } from '../../util/http';
import { splitList } from '../../util/scope';

/** Exchange a refresh token for new tokens and a new refresh token. */
export async function refreshTokenGrant(
  ctx: Context,
  client: MockClient,
  params: URLSearchParams,
  jkt: string | undefined,
): Promise<Response> {
  const token = required(params, 'refresh_token');
  const record = ctx.store.refreshTokens.get(token);
  if (record === undefined || record.clientId !== client.clientId) {
    throw new OAuthProblem(
      'invalid_grant',
      'the refresh token is unknown, revoked or was issued to another client',
    );
  }
  if (record.used) {
    ctx.store.revokeGrant(record.grantId);
    throw new OAuthProblem(
      'invalid_grant',
      'the refresh token was already used; the grant is revoked',
    );
  }
  if (record.expiresAt < ctx.now())
    throw new OAuthProblem('invalid_grant', 'the refresh token has expired');
  const grant = ctx.store.grants.get(record.grantId);
  if (grant === undefined || ctx.store.revokedGrants.has(grant.id)) {
    throw new OAuthProblem('invalid_grant', 'the grant was revoked');
  }
  const asked = splitList(single(params, 'scope'));
  if (asked.some((s) => !record.scope.includes(s))) {
    throw new OAuthProblem('invalid_scope', 'a refresh cannot widen the scope');
  }
  record.used = true;
  return tokenResponse(ctx, grant, client, {
    withNonce: false,
    scope: asked.length > 0 ? asked : record.scope,
    jkt,
  });
}
