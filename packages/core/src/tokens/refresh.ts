/**
 * Refresh with rotation: the new refresh token, when sent, replaces the old one. A profile
 * whose login took the plug-in path (identity from userinfo, e.g. `vneidPartner()`) refreshes
 * through that path too: openid-client cannot read its enveloped bodies.
 */
import * as client from 'openid-client';
import { decodeJwt } from 'jose/jwt/decode';
import { DinhDanhError } from '../errors';
import { protocolError } from '../http/protocol-error';
import { refreshWithPlugin } from '../login/plugin/refresh';
import type { RpContext } from '../rp/context';
import type { TokenSet } from '../rp/types';
import { verifyIdToken } from './id-token';
import { toTokenSet } from './token-set';

/**
 * Refreshes tokens. A new ID token must be valid and about the same subject. With a
 * userinfo-only plug-in protocol no ID token is read (one sent anyway is dropped unverified).
 */
export async function refresh(ctx: RpContext, tokens: TokenSet): Promise<TokenSet> {
  if (typeof tokens.refreshToken !== 'string' || tokens.refreshToken.length === 0) {
    throw new DinhDanhError('input_invalid', 'These tokens have no refresh token; log in again.');
  }
  // The same predicate as finishLogin: refresh goes the way the login's token request went.
  const protocol = ctx.profile.protocol;
  if (protocol?.identitySource === 'userinfo') {
    return refreshWithPlugin(ctx, protocol, tokens, tokens.refreshToken);
  }
  const config = await ctx.client();
  let response: Awaited<ReturnType<typeof client.refreshTokenGrant>>;
  try {
    response = await client.refreshTokenGrant(
      config,
      tokens.refreshToken,
      undefined,
      await ctx.dpop(config),
    );
  } catch (error) {
    throw protocolError(error);
  }
  const next = toTokenSet(response, ctx.now, tokens);
  if (next.idToken !== undefined && next.idToken !== tokens.idToken) {
    const { claims } = await verifyIdToken(ctx, next.idToken);
    if (tokens.idToken !== undefined && decodeJwt(tokens.idToken).sub !== claims.sub) {
      throw new DinhDanhError('sub_mismatch', 'The refreshed ID token is about another subject.');
    }
  }
  return next;
}
