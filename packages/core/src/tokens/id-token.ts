/**
 * ID token verification, done by us on every path (openid-client skips the signature
 * of token-endpoint ID tokens unless non-repudiation checks are on).
 */
import { DinhDanhError } from '../errors';
import { levelFromAcr, meetsLevel } from '../levels';
import type { RpContext } from '../rp/context';
import type { VerifiedIdToken, VerifyIdTokenOptions } from '../rp/types';
import { verifyJwt } from './jwt';

/**
 * Verifies an ID token: signature, issuer, audience, `azp`, timestamps, size, algorithm,
 * and when asked `nonce`, `max_age` and the minimum level.
 */
export async function verifyIdToken(
  ctx: RpContext,
  jwt: string,
  options: VerifyIdTokenOptions = {},
): Promise<VerifiedIdToken> {
  const { options: config } = ctx;
  const { payload } = await verifyJwt(jwt, ctx.keys, {
    issuer: config.issuer,
    audience: config.clientId,
    algorithms: config.idTokenAlgorithms,
    maxBytes: config.maxTokenBytes,
    clockTolerance: config.clockTolerance,
    now: ctx.now,
    required: ['sub', 'iat'],
    name: 'id_token',
  });
  // The same code and path as openid-client's check, which runs first during a login.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp === undefined) {
    throw new DinhDanhError(
      'audience_mismatch',
      'The ID token has several audiences and names no authorised party.',
      { path: 'aud' },
    );
  }
  if (payload.azp !== undefined && payload.azp !== config.clientId) {
    throw new DinhDanhError('audience_mismatch', 'The ID token was issued to another client.', {
      path: 'azp',
    });
  }
  if (options.nonce !== undefined && payload.nonce !== options.nonce) {
    throw new DinhDanhError(
      'nonce_mismatch',
      'The ID token’s nonce does not match the login transaction; start the login again.',
      { path: 'nonce' },
    );
  }
  if (options.maxAge !== undefined) {
    const authTime = payload.auth_time;
    if (typeof authTime !== 'number') {
      throw new DinhDanhError(
        'auth_time_too_old',
        'The ID token has no auth_time although max_age was requested.',
        { path: 'auth_time' },
      );
    }
    if (authTime + options.maxAge + config.clockTolerance < ctx.now() / 1000) {
      throw new DinhDanhError(
        'auth_time_too_old',
        'The citizen authenticated longer ago than max_age allows; ask for a fresh login.',
        { path: 'auth_time' },
      );
    }
  }
  const acr = typeof payload.acr === 'string' ? payload.acr : undefined;
  const level = levelFromAcr(ctx.profile, acr) ?? 0;
  if (options.level !== undefined && !meetsLevel(level, options.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The login reached level ${level}, below the required level ${options.level}; step up.`,
      { path: 'acr' },
    );
  }
  return { claims: payload as VerifiedIdToken['claims'], level };
}
