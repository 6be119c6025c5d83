/** `GET /share/{txnId}` shows the share page; `POST` answers it as the chosen persona. */
import type { Context } from '../context';
import { PAGE_FIELDS } from '../pages/fields';
import { pageHeaders } from '../pages/headers';
import { pickLocale, type PageLocale } from '../pages/locale';
import { summarise } from '../personas/registry';
import { html, oauthError } from '../util/http';
import { shareLink } from './api';
import { shareMessages } from './messages';
import { renderSharePage, type SharePageModel } from './page-renderer';
import { answerShare, type ShareRefusal } from './result';
import { shareTransactions, statusAt, type ShareTransaction } from './store';

/** What the phone page says about a refused answer, in the citizen's language. */
function refusal(locale: PageLocale, reason: Exclude<ShareRefusal, 'closed'>): string {
  const s = shareMessages(locale);
  return reason === 'locked' ? s.locked : reason === 'other_citizen' ? s.otherCitizen : s.choose;
}

function page(model: SharePageModel, status = 200): Response {
  return html(renderSharePage(model), pageHeaders, status);
}

function pickModel(
  ctx: Context,
  txn: ShareTransaction,
  locale: PageLocale,
  message?: string,
): SharePageModel {
  const client = ctx.clients.get(txn.clientId);
  // a transaction for a named citizen offers only that citizen's accounts
  const personas = ctx.personas.filter(
    (p) => txn.citizenPid === undefined || p.attributes.pid === txn.citizenPid,
  );
  return {
    locale,
    state: 'pick',
    action: shareLink(ctx, txn.txnId),
    client: client?.name ?? txn.clientId,
    purpose: txn.purpose,
    attributes: txn.attributes,
    expiresAt: txn.expiresAt,
    now: ctx.now(),
    personas: personas.map((p) => summarise(p, locale)),
    ...(txn.citizenPid === undefined ? {} : { citizenHint: txn.citizenPid.slice(-4) }),
    ...(message === undefined ? {} : { message }),
  };
}

/** The phone page of a share transaction. */
export async function sharePage(ctx: Context, request: Request, txnId: string): Promise<Response> {
  const url = new URL(request.url);
  const form =
    request.method === 'POST'
      ? new URLSearchParams(await request.text())
      : request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : null;
  if (form === null) return oauthError('invalid_request', 'use GET or POST', 405);
  const locale = pickLocale(
    form?.get('ui_locales') ?? url.searchParams.get('ui_locales'),
    ctx.options.locale,
  );
  const action = shareLink(ctx, txnId);
  const txn = shareTransactions(ctx.store).get(txnId);
  if (txn === undefined) return page({ locale, state: 'unknown', action }, 404);
  const status = statusAt(txn, ctx.now());
  if (status !== 'pending') return page({ locale, state: status, action });
  if (form === undefined) return page(pickModel(ctx, txn, locale));

  const decision = form.get(PAGE_FIELDS.decision) === 'approve' ? 'approve' : 'deny';
  const persona = form.get(PAGE_FIELDS.persona) ?? undefined;
  if (decision === 'approve' && persona === undefined)
    return page(pickModel(ctx, txn, locale, shareMessages(locale).choose), 400);
  const answer = await answerShare(ctx, txn, persona, decision);
  if (!answer.ok) {
    if (answer.reason === 'closed') return page({ locale, state: 'expired', action }, 400);
    return page(pickModel(ctx, txn, locale, refusal(locale, answer.reason)), 400);
  }
  return page({ locale, state: answer.status, action });
}
