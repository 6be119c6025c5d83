import type { RelyingParty } from '../rp/types';
import { sealTransaction } from '../seal/transaction';
import { cookieName, writeCookie } from '../sessions/cookies';
import type { RequestContext } from './context';
import type { ResolvedOptions } from './options';
import { parseClaims, parseLevel, parseLocale, parsePrompt, parsePurpose } from './query';
import { noStoreHeaders, redirect } from './responses';
import { checkReturnTo } from './return-to';

/** Name (before any `__Host-` prefix) of the login transaction cookie. */
export const TRANSACTION_COOKIE = 'dinhdanh.tx';

/** `GET {basePath}/login`: starts a login and redirects the browser to the provider. */
export async function login(
  rp: RelyingParty,
  options: ResolvedOptions,
  ctx: RequestContext,
): Promise<Response> {
  const query = ctx.url.searchParams;
  const returnToParam = query.get('returnTo');
  const returnTo =
    returnToParam === null ? options.defaultReturnTo : checkReturnTo(returnToParam, ctx.origin);
  const level = parseLevel(query.get('level'));
  const claims = parseClaims(query.getAll('claims'));
  const purpose = parsePurpose(query.get('purpose'));
  const prompt = parsePrompt(query.get('prompt'));
  const locale = parseLocale(query.get('locale'));
  const { url, transaction } = await rp.startLogin({
    returnTo,
    ...(level === undefined ? {} : { level }),
    ...(claims === undefined ? {} : { claims }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(locale === undefined ? {} : { locale }),
  });
  const sealed = await sealTransaction(transaction, {
    secrets: options.secrets,
    ttl: options.transactionMaxAge,
    now: options.now,
  });
  const headers = noStoreHeaders();
  writeCookie(
    headers,
    cookieName(TRANSACTION_COOKIE, ctx.policy),
    sealed,
    ctx.policy,
    options.transactionMaxAge,
  );
  return redirect(url, 302, headers);
}
