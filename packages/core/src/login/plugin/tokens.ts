/**
 * A plug-in protocol's token response as a `TokenSet`, for the login and the refresh alike.
 * No ID token is read: the identity of a userinfo-only login comes from userinfo, and an
 * `id_token` the provider sends anyway is dropped unverified, never returned.
 */
import { DinhDanhError } from '../../errors';
import type { RpContext } from '../../rp/context';
import type { TokenSet } from '../../rp/types';

/**
 * Reads the decoded token response. With `previous` (a refresh), rotation works as on the
 * standard path (`toTokenSet`): a new refresh token replaces the old one, and when the
 * provider sends none the old one is kept, as is the previous ID token.
 */
export function readTokens(
  ctx: RpContext,
  body: Record<string, unknown>,
  previous?: TokenSet,
): TokenSet {
  const { access_token: accessToken, token_type: tokenType, expires_in: expiresIn } = body;
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw new DinhDanhError(
      'provider_response_invalid',
      'The token response carries no access_token.',
      { path: 'access_token' },
    );
  }
  const lifetime = secondsOf(expiresIn);
  const sent = body.refresh_token;
  const refreshToken = typeof sent === 'string' && sent !== '' ? sent : previous?.refreshToken;
  const scope = body.scope;
  return {
    accessToken,
    tokenType: typeof tokenType === 'string' && tokenType !== '' ? tokenType : 'Bearer',
    ...(lifetime === undefined ? {} : { expiresAt: ctx.now() + lifetime * 1000 }),
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(previous?.idToken === undefined ? {} : { idToken: previous.idToken }),
    ...(typeof scope === 'string' ? { scope } : {}),
  };
}

/** `expires_in` as seconds: a positive number, or a numeric string as some servers send it. */
function secondsOf(value: unknown): number | undefined {
  const seconds = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
    ? seconds
    : undefined;
}
