import type { RelyingParty } from '../rp/types';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { runOnLogin } from './on-login';
import type { ResolvedOptions } from './options';
import { takePendingLogin } from './pending-logins';
import { redirect } from './responses';
import { checkReturnTo } from './return-to';

/**
 * `GET {basePath}/callback`: completes the login its `state` names, creates the session,
 * clears that login's transaction cookie and redirects to `returnTo`. On failure the
 * cookie is cleared too (a transaction is good for one attempt); other pending logins of
 * the browser (other tabs) are left alone. `onLogin` runs before any session
 * is touched: its Response replaces the redirect and no session is written.
 */
export async function callback(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const { headers } = ctx;
  const transaction = await takePendingLogin(options, ctx);
  const result = await rp.finishLogin(ctx.url, transaction);
  const returnTo = checkReturnTo(transaction.returnTo ?? options.defaultReturnTo, ctx.origin);
  const custom = await runOnLogin(options, result, ctx.request, headers);
  if (custom !== undefined) return custom;
  const previous = await sessions.read(ctx.cookies, ctx.policy);
  if (previous.session !== undefined) await sessions.discard(previous.session);
  const session = sessions.create(result);
  await sessions.commit(session, headers, ctx.cookies, ctx.policy);
  return redirect(returnTo, 302, headers);
}
