/**
 * Refresh with a plug-in protocol: `grant_type=refresh_token` to the token endpoint the
 * plug-in login uses, with the same client authentication, limits, body decoding and
 * error mapping (exchange.ts), so an enveloped response is opened, never misread.
 */
import type { ProtocolPlugins } from '../../providers/profile';
import type { RpContext } from '../../rp/context';
import type { TokenSet } from '../../rp/types';
import { issuerEndpoint } from './endpoint';
import { requestTokens } from './exchange';
import { readTokens } from './tokens';

/** Refreshes `tokens` (whose `refreshToken` the caller checked) through the plug-in protocol. */
export async function refreshWithPlugin(
  ctx: RpContext,
  protocol: ProtocolPlugins,
  tokens: TokenSet,
  refreshToken: string,
): Promise<TokenSet> {
  const metadata = await ctx.metadata.get();
  // The issuer's own token endpoint over https, checked before the refresh token is sent.
  const tokenUrl = issuerEndpoint(ctx.options.issuer, metadata, 'token_endpoint');
  const body = await requestTokens(ctx, protocol, tokenUrl, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });
  return readTokens(ctx, body, tokens);
}
