/**
 * GET/POST /userinfo (OIDC Core §5.3): the granted claims, for a valid Bearer token
 * (RFC 6750) or, for a sender-constrained token, a DPoP token with its proof (RFC 9449 §7).
 */
import type { Context } from '../context';
import { DIALECTS } from '../dialects';
import { withVerifiedClaims } from '../dialects/verified-claims';
import { partnerUserinfo } from '../partner/responses';
import { subjectFor } from '../tokens/subject';
import { verifyDpopProof } from '../dpop/verify-proof';
import { CLIENT_SIGNING_ALGS } from '../keys/client-algs';
import { json, OAuthProblem } from '../util/http';

function invalidToken(description: string, scheme: 'Bearer' | 'DPoP' = 'Bearer'): Response {
  return json({ error: 'invalid_token', error_description: description }, 401, {
    'www-authenticate': `${scheme} error="invalid_token", error_description="${description}"`,
  });
}

/** The userinfo endpoint. */
export async function userinfo(ctx: Context, request: Request): Promise<Response> {
  if (ctx.faults.take('userinfo_unauthorized')) return invalidToken('injected fault');
  const header = request.headers.get('authorization') ?? '';
  const match = /^(Bearer|DPoP) ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  const token = match?.[2];
  if (token === undefined) {
    return json({}, 401, {
      'www-authenticate': `Bearer realm="dinhdanh-mock-idp", DPoP algs="${CLIENT_SIGNING_ALGS.join(' ')}"`,
    });
  }
  const scheme = match?.[1]?.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
  const record = ctx.store.accessTokens.get(token);
  if (record === undefined || record.expiresAt < ctx.now())
    return invalidToken('the access token is unknown or expired', scheme);
  if (record.jkt !== undefined || scheme === 'DPoP') {
    // a DPoP-bound token needs the DPoP scheme and a proof from the same key
    if (record.jkt === undefined || scheme !== 'DPoP') {
      return invalidToken(
        'use the DPoP scheme with a DPoP-bound access token, and only then',
        'DPoP',
      );
    }
    let jkt: string | undefined;
    try {
      jkt = await verifyDpopProof(ctx, request, { accessToken: token, status: 401 });
    } catch (error) {
      if (!(error instanceof OAuthProblem)) throw error;
      return json({ error: error.error, error_description: error.description }, 401, {
        'www-authenticate': `DPoP error="invalid_dpop_proof", error_description="${error.description}"`,
      });
    }
    if (jkt !== record.jkt)
      return invalidToken('the DPoP proof key differs from the token binding', 'DPoP');
  }
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
  if (!record.scope.includes('openid')) {
    // RFC 6750 §3.1
    return json(
      { error: 'insufficient_scope', error_description: 'the token lacks scope openid' },
      403,
      {
        'www-authenticate': `${scheme} error="insufficient_scope", scope="openid"`,
      },
    );
  }
  // vneid-partner: camelCase identity without `sub`, possibly in an envelope
  if (client.dialect === 'vneid-partner')
    return partnerUserinfo(ctx, client, persona, grant.granted);
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
