import { DinhDanhError } from '../errors';
import type { RelyingParty } from '../rp/types';
import type { RequestContext } from './context';
import type { ResolvedOptions } from './options';
import { keepPendingLogin } from './pending-logins';
import { parseLocale, parseLoginHint, parsePrompt } from './query';
import { pickRequest } from './requests';
import { redirect } from './responses';
import { checkReturnTo } from './return-to';

/**
 * `GET {basePath}/login`: starts the named login request `request` (default `default`) —
 * or, with `stepUp=1`, a step-up to `level` with a fresh authentication — and redirects
 * the browser to the provider. The query may raise the level, set `returnTo` (same
 * origin), `prompt`, `locale` and `login_hint`; attributes and purpose come only from the
 * named request.
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
  const stepUp = query.get('stepUp');
  if (stepUp !== null && stepUp !== 'true' && stepUp !== '1') {
    throw new DinhDanhError('input_invalid', '`stepUp` must be true or 1.', { path: 'stepUp' });
  }
  if (stepUp !== null && (query.get('level') ?? '') === '') {
    throw new DinhDanhError('input_invalid', 'A step-up needs the `level` now required.', {
      path: 'level',
    });
  }
  const { level, claims, required, purpose } = pickRequest(
    options.requests,
    {
      request: query.get('request'),
      level: query.get('level'),
      has: (name) => query.has(name),
    },
    stepUp !== null,
  );
  const prompt = parsePrompt(query.get('prompt'));
  const locale = parseLocale(query.get('locale'));
  const loginHint = parseLoginHint(query.get('login_hint'));
  const common = {
    returnTo,
    ...(claims === undefined ? {} : { claims }),
    ...(required === undefined ? {} : { required }),
    ...(purpose === undefined ? {} : { purpose }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(locale === undefined ? {} : { locale }),
    ...(loginHint === undefined ? {} : { extraParams: { login_hint: loginHint } }),
  };
  const { url, transaction } =
    stepUp !== null && level !== undefined
      ? await rp.stepUp({ ...common, level })
      : await rp.startLogin({ ...common, ...(level === undefined ? {} : { level }) });
  await keepPendingLogin(transaction, options, ctx);
  return redirect(url, 302, ctx.headers);
}
