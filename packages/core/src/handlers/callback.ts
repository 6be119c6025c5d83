import { DinhDanhError, isDinhDanhError } from '../errors';
import type { LoginTransaction, RelyingParty } from '../rp/types';
import { unsealTransaction } from '../seal/transaction';
import { clearCookie, cookieName } from '../sessions/cookies';
import type { SessionManager } from '../sessions/manager';
import type { RequestContext } from './context';
import { TRANSACTION_COOKIE } from './login';
import { runOnLogin } from './on-login';
import type { ResolvedOptions } from './options';
import { redirect } from './responses';
import { checkReturnTo } from './return-to';

/** Reads the sealed transaction cookie; seal errors become transaction errors. */
async function readTransaction(
  options: ResolvedOptions,
  ctx: RequestContext,
): Promise<LoginTransaction> {
  const sealed = ctx.cookies[cookieName(TRANSACTION_COOKIE, ctx.policy)];
  if (sealed === undefined || sealed === '') {
    throw new DinhDanhError(
      'transaction_invalid',
      'No login is in progress in this browser (the login cookie is missing or expired). Start the login again.',
    );
  }
  try {
    return await unsealTransaction(sealed, { secrets: options.secrets, now: options.now });
  } catch (error) {
    if (isDinhDanhError(error, 'seal_expired')) {
      throw new DinhDanhError('transaction_expired', 'The login took too long. Start it again.', {
        cause: error,
      });
    }
    if (isDinhDanhError(error, 'seal_invalid')) {
      throw new DinhDanhError(
        'transaction_invalid',
        'The login cookie is not valid. Start the login again.',
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

/**
 * `GET {basePath}/callback`: completes the login, creates the session, clears the
 * transaction cookie and redirects to `returnTo`. On failure the transaction cookie is
 * cleared too (a transaction is good for one attempt). `onLogin` runs before any session
 * is touched: its Response replaces the redirect and no session is written.
 */
export async function callback(
  rp: RelyingParty,
  options: ResolvedOptions,
  sessions: SessionManager,
  ctx: RequestContext,
): Promise<Response> {
  const { headers } = ctx;
  clearCookie(headers, cookieName(TRANSACTION_COOKIE, ctx.policy), ctx.policy);
  const transaction = await readTransaction(options, ctx);
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
