/** GET/POST /userinfo (OIDC Core §5.3): the granted claims, for a valid Bearer token (RFC 6750). */
import type { Context } from '../context';
import { DIALECTS } from '../dialects';
import { withVerifiedClaims } from '../dialects/verified-claims';
import { subjectFor } from '../tokens/subject';
import { json } from '../util/http';

function invalidToken(description: string): Response {
  return json({ error: 'invalid_token', error_description: description }, 401, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/** The userinfo endpoint. */
export async function userinfo(ctx: Context, request: Request): Promise<Response> {
  if (ctx.faults.take('userinfo_unauthorized')) return invalidToken('injected fault');
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  if (match?.[1] === undefined) {
    return json({}, 401, { 'www-authenticate': 'Bearer realm="dinhdanh-mock-idp"' });
  }
  const record = ctx.store.accessTokens.get(match[1]);
  if (record === undefined || record.expiresAt < ctx.now())
    return invalidToken('the access token is unknown or expired');
  const grant = ctx.store.grants.get(record.grantId);
  const client = ctx.clients.get(record.clientId);
  const persona = ctx.personas.find((p) => p.id === grant?.personaId);
  if (
    grant === undefined ||
    client === undefined ||
    persona === undefined ||
    ctx.store.revokedGrants.has(grant.id)
  ) {
    return invalidToken('the grant was revoked');
  }
  if (!record.scope.includes('openid'))
    return invalidToken('the access token was not issued for openid');
  const dialect = DIALECTS[client.dialect];
  const claims = withVerifiedClaims(
    dialect.claims(persona, new Set(grant.granted)),
    persona,
    client,
  );
  return json({
    ...dialect.accountClaims(persona),
    ...claims,
    sub: await subjectFor(persona, client),
  });
}
