import type { RelyingParty } from '../rp/types';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { checkedSession } from './csrf';
import type { ResolvedOptions } from './options';
import { redirect } from './responses';

/**
 * `POST {basePath}/logout`: ends the session after the CSRF check and sends the browser
 * (303) to the provider's logout endpoint, or to `postLogoutRedirectUri`.
 */
export async function logout(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const session = await checkedSession(options, sessions, ctx);
  const { headers } = ctx;
  await sessions.end(session, headers, ctx.cookies, ctx.policy);
  const local = options.postLogoutRedirectUri ?? options.defaultReturnTo;
  if (!options.providerLogout) return redirect(local, 303, headers);
  const idToken = session?.tokens?.idToken;
  // Should this fail, the session is already ended: the error response carries the
  // cookie-clearing headers (ctx.headers).
  const location = await rp.logoutUrl({
    ...(idToken === undefined ? {} : { idTokenHint: idToken }),
    ...(options.postLogoutRedirectUri === undefined
      ? {}
      : { postLogoutRedirectUri: options.postLogoutRedirectUri }),
  });
  return redirect(location, 303, headers);
}
