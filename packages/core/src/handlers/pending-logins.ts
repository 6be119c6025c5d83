/**
 * Pending logins: one sealed transaction cookie per `state`, so that two tabs logging in
 * at once both complete, and a callback touches only the transaction its `state` names
 * (a mismatching or crafted callback cannot end another tab's login). A browser holds at
 * most {@link MAX_PENDING_LOGINS}; starting one more drops the oldest.
 */
import * as base64url from 'jose/base64url';
import { DinhDanhError, isDinhDanhError } from '../errors';
import type { LoginTransaction } from '../rp/wire';
import { sealTransaction, unsealTransaction } from '../seal/transaction';
import { clearCookie, cookieName, writeCookie, type CookiePolicy } from '../sessions/cookies';
import type { RequestContext } from './context';
import type { ResolvedOptions } from './options';

/** Most logins one browser may have pending at once. */
export const MAX_PENDING_LOGINS = 5;

const KEY = /^[A-Za-z0-9_-]{16}$/;

/**
 * The cookie that holds the transaction of `state`: named by a hash of the state.
 * @param base - the transaction cookies' base name (`dinhdanh.tx` by default).
 */
export async function pendingLoginCookie(
  state: string,
  policy: CookiePolicy,
  base = 'dinhdanh.tx',
): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(state));
  return `${cookieName(base, policy)}.${base64url.encode(new Uint8Array(digest)).slice(0, 16)}`;
}

function pendingCookies(options: ResolvedOptions, ctx: RequestContext): string[] {
  const prefix = `${cookieName(options.companionCookies.transaction, ctx.policy)}.`;
  return Object.keys(ctx.cookies).filter(
    (name) => name.startsWith(prefix) && KEY.test(name.slice(prefix.length)),
  );
}

/** Seals the transaction into its own cookie and drops the oldest beyond the bound. */
export async function keepPendingLogin(
  transaction: LoginTransaction,
  options: ResolvedOptions,
  ctx: RequestContext,
): Promise<void> {
  const sealed = await sealTransaction(transaction, {
    secrets: options.secrets,
    ttl: options.transactionMaxAge,
    now: options.now,
  });
  const base = options.companionCookies.transaction;
  const name = await pendingLoginCookie(transaction.state, ctx.policy, base);
  writeCookie(ctx.headers, name, sealed, ctx.policy, options.transactionMaxAge);
  const others = pendingCookies(options, ctx).filter((other) => other !== name);
  const excess = others.length - (MAX_PENDING_LOGINS - 1);
  if (excess <= 0) return;
  const started = await Promise.all(
    others.map(async (other) => {
      try {
        const pending = await unsealTransaction(ctx.cookies[other] ?? '', options);
        return { name: other, createdAt: pending.createdAt };
      } catch {
        return { name: other, createdAt: -Infinity };
      }
    }),
  );
  started.sort((a, b) => a.createdAt - b.createdAt);
  for (const { name: oldest } of started.slice(0, excess)) {
    clearCookie(ctx.headers, oldest, ctx.policy);
  }
}

/**
 * Takes the transaction the callback's `state` names (one attempt: its cookie is cleared
 * whatever happens next). Falls back to the single cookie of earlier versions.
 * @throws `transaction_invalid`, `transaction_expired`.
 */
export async function takePendingLogin(
  options: ResolvedOptions,
  ctx: RequestContext,
): Promise<LoginTransaction> {
  const state = ctx.url.searchParams.get('state');
  const base = options.companionCookies.transaction;
  let name = cookieName(base, ctx.policy);
  if (state !== null && state !== '' && state.length <= 512) {
    const own = await pendingLoginCookie(state, ctx.policy, base);
    if (ctx.cookies[own] !== undefined) name = own;
  }
  clearCookie(ctx.headers, name, ctx.policy);
  const sealed = ctx.cookies[name];
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
        { cause: error },
      );
    }
    throw error;
  }
}
