/** OpenID Connect RP-Initiated Logout 1.0. */
import * as client from 'openid-client';
import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import type { LogoutUrlOptions } from '../rp/types';

/**
 * The provider's end-session URL.
 * @throws DinhDanhError discovery_failed when the provider has no end_session_endpoint.
 */
export async function logoutUrl(ctx: RpContext, options: LogoutUrlOptions = {}): Promise<string> {
  const metadata = await ctx.metadata.get();
  if (typeof metadata.end_session_endpoint !== 'string') {
    throw new DinhDanhError(
      'discovery_failed',
      'The provider does not offer RP-initiated logout (no end_session_endpoint); end the local session only.',
    );
  }
  const config = await ctx.client();
  const params: Record<string, string> = { client_id: ctx.options.clientId };
  if (options.idTokenHint !== undefined) params.id_token_hint = options.idTokenHint;
  const redirect = options.postLogoutRedirectUri ?? ctx.options.postLogoutRedirectUri;
  if (redirect !== undefined) params.post_logout_redirect_uri = redirect;
  if (options.state !== undefined) params.state = options.state;
  if (options.locale !== undefined) params.ui_locales = options.locale;
  return client.buildEndSessionUrl(config, params).href;
}
