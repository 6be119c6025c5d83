/**
 * The handlers of share transactions: `/share` (start), `/share/{txnId}` (phone page),
 * `/share/{txnId}/status` (poll), and the admin API `/__mock/share/...` (headless approval
 * for CI, inspection of transactions and webhook deliveries). Their paths are in the
 * provider's route table (`../routing/table.ts`).
 */
import { z } from 'zod';
import type { Context } from '../context';
import type { RouteCall } from '../routing/route';
import { json, oauthError, OAuthProblem } from '../util/http';
import { shareStatus, startShare } from './api';
import { sharePage } from './page-endpoint';
import { answerShare, shareResult } from './result';
import { shareTransactions } from './store';

const TXN_ID = /^[A-Za-z0-9_-]{1,64}$/;

async function answering(response: () => Promise<Response>): Promise<Response> {
  try {
    return await response();
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}

const noSuchTransaction = () => oauthError('not_found', 'no such share transaction', 404);

/** `POST /share`: start a share transaction. */
export function start({ ctx, request }: RouteCall): Promise<Response> {
  return answering(() => startShare(ctx, request));
}

function forTransaction(
  handle: (ctx: Context, request: Request, txnId: string) => Promise<Response>,
) {
  return ({ ctx, request, params }: RouteCall): Promise<Response> | Response => {
    const txnId = params.txnId ?? '';
    if (!TXN_ID.test(txnId)) return noSuchTransaction();
    return answering(() => handle(ctx, request, txnId));
  };
}

/** `/share/{txnId}`: the phone page. */
export const phonePage = forTransaction(sharePage);

/** `GET /share/{txnId}/status`: the relying party's poll. */
export const status = forTransaction(shareStatus);

/** Any other path under `/share/`. */
export function unknownSharePath({ path, rest }: RouteCall): Response {
  const [txnId = '', ...more] = rest.split('/');
  return more.length === 1 && TXN_ID.test(txnId)
    ? oauthError('not_found', `no endpoint at ${path}`, 404)
    : noSuchTransaction();
}

const answerBody = z.object({
  txn_id: z.string().min(1),
  persona: z.string().min(1).optional(),
  decision: z.enum(['approve', 'deny']).default('approve'),
});

function view(ctx: Context, id: string): Record<string, unknown> | undefined {
  const txn = shareTransactions(ctx.store).get(id);
  return txn === undefined
    ? undefined
    : {
        ...shareResult(txn, ctx.now()),
        clientId: txn.clientId,
        personaId: txn.personaId,
        deliveries: txn.deliveries,
      };
}

/**
 * `POST /__mock/share/approve` `{ txn_id, persona?, decision? }`: answer a transaction
 * headlessly (persona defaults to the one whose ID number the transaction names).
 */
export async function approve({ ctx, request }: RouteCall): Promise<Response> {
  let raw: unknown;
  try {
    const text = await request.text();
    raw = text === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return oauthError('invalid_request', 'the body is not JSON');
  }
  const parsed = answerBody.safeParse(raw);
  if (!parsed.success)
    return oauthError('invalid_request', parsed.error.issues[0]?.message ?? 'bad body');
  const txn = shareTransactions(ctx.store).get(parsed.data.txn_id);
  if (txn === undefined) return oauthError('invalid_request', 'no such share transaction');
  const answer = await answerShare(
    ctx,
    txn,
    parsed.data.persona ?? txn.citizenPid,
    parsed.data.decision,
  );
  return answer.ok ? json(view(ctx, txn.txnId)) : oauthError(answer.error, answer.description);
}

/** `GET /__mock/share`: every transaction, with its webhook deliveries. */
export function list({ ctx }: RouteCall): Response {
  return json({
    transactions: [...shareTransactions(ctx.store).keys()].map((id) => view(ctx, id)),
  });
}

/** `GET /__mock/share/{txnId}`: one transaction (the id is everything after `share/`). */
export function show({ ctx, rest }: RouteCall): Response {
  const found = view(ctx, rest);
  return found === undefined ? noSuchTransaction() : json(found);
}
