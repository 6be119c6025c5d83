import { DinhDanhError } from '../errors';
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

/**
 * `GET {basePath}/login`: starts a login (or, with `stepUp=1`, a step-up to `level` with a
 * fresh authentication) and redirects the browser to the provider.
 */
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
  const common = {
    returnTo,
    ...(claims === undefined ? {} : { claims }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(locale === undefined ? {} : { locale }),
  };
  const stepUp = query.get('stepUp');
  if (stepUp !== null && stepUp !== 'true' && stepUp !== '1') {
    throw new DinhDanhError('input_invalid', '`stepUp` must be true or 1.', { path: 'stepUp' });
  }
  if (stepUp !== null && level === undefined) {
    throw new DinhDanhError('input_invalid', 'A step-up needs the `level` now required.', {
      path: 'level',
    });
  }
  const { url, transaction } =
    stepUp !== null && level !== undefined
      ? await rp.stepUp({ ...common, level })
      : await rp.startLogin({ ...common, ...(level === undefined ? {} : { level }) });
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
