import type { RelyingParty } from '../rp/types';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { checkCsrf } from './csrf';
import type { ResolvedOptions } from './options';
import { noStoreHeaders, redirect } from './responses';

/**
 * `POST {basePath}/logout`: ends the session after the CSRF check and sends the browser
 * (303) to the provider's logout endpoint, or to `postLogoutRedirectUri`.
 */
export async function logout(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
  fail: (error: unknown, headers: Headers) => Promise<Response>,
): Promise<Response> {
  const { session } = await sessions.read(ctx.cookies, ctx.policy);
  await checkCsrf(options, ctx, session);
  const headers = noStoreHeaders();
  await sessions.end(session, headers, ctx.cookies, ctx.policy);
  const local = options.postLogoutRedirectUri ?? options.defaultReturnTo;
  if (!options.providerLogout) return redirect(local, 303, headers);
  const idToken = session?.tokens?.idToken;
  let location: string;
  try {
    location = await rp.logoutUrl({
      ...(idToken === undefined ? {} : { idTokenHint: idToken }),
      ...(options.postLogoutRedirectUri === undefined
        ? {}
        : { postLogoutRedirectUri: options.postLogoutRedirectUri }),
    });
  } catch (error) {
    // The session is already ended: the error goes out with the cookie-clearing headers.
    return fail(error, headers);
  }
  return redirect(location, 303, headers);
}
