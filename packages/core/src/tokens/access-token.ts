/** RFC 9068 JWT access tokens, for resource servers. */
import { DinhDanhError } from '../errors';
import { levelFromAcr, meetsLevel } from '../levels';
import type { RpContext } from '../rp/context';
import type { VerifiedAccessToken, VerifyAccessTokenOptions } from '../rp/types';
import { verifyJwt } from './jwt';

/**
 * Verifies a JWT access token: `typ` `at+jwt`, signature, issuer, audience, expiry,
 * required scopes and minimum level.
 */
export async function verifyAccessToken(
  ctx: RpContext,
  jwt: string,
  options: VerifyAccessTokenOptions,
): Promise<VerifiedAccessToken> {
  const { options: config } = ctx;
  // JS callers can omit the audience: jose would then accept a token for any API.
  const audience: unknown = (options as Partial<VerifyAccessTokenOptions> | undefined)?.audience;
  const isName = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
  if (!(
    isName(audience) ||
    (Array.isArray(audience) && audience.length > 0 && audience.every(isName))
  )) {
    throw new DinhDanhError(
      'config_invalid',
      'verifyAccessToken needs `audience`: the identifier (or non-empty list) of this API.',
      { path: 'audience' },
    );
  }
  const { payload } = await verifyJwt(jwt, ctx.keys, {
    issuer: config.issuer,
    audience: options.audience,
    algorithms: config.idTokenAlgorithms,
    maxBytes: config.maxTokenBytes,
    clockTolerance: config.clockTolerance,
    now: ctx.now,
    typ: 'at+jwt',
    required: ['sub', 'iat', 'client_id', 'jti'],
    name: 'access_token',
  });
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  const missing = (options.scopes ?? []).filter((scope) => !scopes.includes(scope));
  if (missing.length > 0) {
    throw new DinhDanhError(
      'token_invalid',
      `The access token lacks the scope(s) ${missing.join(', ')}.`,
      { path: 'scope', status: 403 },
    );
  }
  const level =
    levelFromAcr(ctx.profile, typeof payload.acr === 'string' ? payload.acr : undefined) ?? 0;
  if (options.level !== undefined && !meetsLevel(level, options.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The access token carries level ${level}, below the required ${options.level}.`,
      { path: 'acr' },
    );
  }
  return {
    sub: String(payload.sub),
    clientId: String(payload.client_id),
    scopes,
    level,
    claims: payload,
  };
}
