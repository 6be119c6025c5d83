/** The token response (RFC 6749 §5.1, OIDC Core §3.1.3.3): access, refresh and ID token. */
import type { Context } from '../context';
import type { MockClient } from '../options';
import type { Grant } from '../store/types';
import { json, OAuthProblem } from '../util/http';
import { randomToken } from '../util/random';
import { partnerTokenResponse } from '../partner/responses';
import { issueIdToken } from './id-token';

/** Issue tokens for a grant. `scope` may narrow the grant's scope (refresh). */
export async function tokenResponse(
  ctx: Context,
  grant: Grant,
  client: MockClient,
  {
    withNonce,
    scope = grant.scope,
    jkt,
  }: { withNonce: boolean; scope?: readonly string[]; jkt?: string | undefined },
): Promise<Response> {
  const persona = ctx.personas.find((p) => p.id === grant.personaId);
  if (persona === undefined)
    throw new OAuthProblem('invalid_grant', 'the account behind this grant no longer exists');
  const now = ctx.now();
  const issued = { grantId: grant.id, clientId: client.clientId, scope };
  const accessToken = randomToken(32);
  ctx.store.accessTokens.set(accessToken, {
    ...issued,
    expiresAt: now + ctx.options.lifetimes.accessToken * 1000,
    ...(jkt === undefined ? {} : { jkt }),
  });
  const refreshToken = randomToken(32);
  ctx.store.refreshTokens.set(refreshToken, {
    ...issued,
    expiresAt: now + ctx.options.lifetimes.refreshToken * 1000,
    used: false,
  });
  const idToken =
    scope.includes('openid') && client.dialect !== 'vneid-partner'
      ? await issueIdToken(ctx, grant, client, persona, withNonce)
      : undefined;
  const body = {
    access_token: accessToken,
    token_type: jkt === undefined ? 'Bearer' : 'DPoP',
    expires_in: ctx.options.lifetimes.accessToken,
    refresh_token: refreshToken,
    scope: scope.join(' '),
    ...(idToken === undefined ? {} : { id_token: idToken }),
  };
  // vneid-partner: no ID token, and the body may travel in an envelope
  if (client.dialect === 'vneid-partner') return partnerTokenResponse(ctx, client, body);
  return json(body);
}
