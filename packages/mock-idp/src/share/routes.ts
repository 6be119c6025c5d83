/**
 * Routing of share transactions: `/share` (start), `/share/{txnId}` (phone page),
 * `/share/{txnId}/status` (poll), and the admin API `/__mock/share/...` (headless
 * approval for CI, inspection of transactions and webhook deliveries).
 */
import { z } from 'zod';
import type { Context } from '../context';
import { json, oauthError, OAuthProblem } from '../util/http';
import { SHARE_PATH, shareStatus, startShare } from './api';
import { sharePage } from './phone';
import { answerShare, shareResult } from './result';
import { shareTransactions } from './store';

const TXN_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether a path (relative to the issuer) belongs to the share API. */
export function isSharePath(path: string): boolean {
  return path === SHARE_PATH || path.startsWith(`${SHARE_PATH}/`);
}

/** Answer a request under `/share`. */
export async function share(ctx: Context, request: Request, path: string): Promise<Response> {
  try {
    if (path === SHARE_PATH) return await startShare(ctx, request);
    const [txnId, rest, ...more] = path.slice(SHARE_PATH.length + 1).split('/');
    if (txnId === undefined || !TXN_ID.test(txnId) || more.length > 0)
      return oauthError('not_found', 'no such share transaction', 404);
    if (rest === undefined) return await sharePage(ctx, request, txnId);
    if (rest === 'status') return await shareStatus(ctx, request, txnId);
    return oauthError('not_found', `no endpoint at ${path}`, 404);
  } catch (error) {
    if (error instanceof OAuthProblem) return error.toResponse();
    throw error;
  }
}

const answerBody = z.object({
  txn_id: z.string().min(1),
  persona: z.string().min(1).optional(),
  decision: z.enum(['approve', 'deny']).default('approve'),
});

/**
 * Admin routes, relative to `/__mock/`: `POST share/approve` `{ txn_id, persona?, decision? }`
 * (persona defaults to the one whose ID number the transaction names), `GET share` (every
 * transaction, with its webhook deliveries), `GET share/{txnId}`.
 */
export async function shareAdmin(ctx: Context, request: Request, rest: string): Promise<Response> {
  const transactions = shareTransactions(ctx.store);
  const view = (id: string) => {
    const txn = transactions.get(id);
    return txn === undefined
      ? undefined
      : {
          ...shareResult(txn, ctx.now()),
          clientId: txn.clientId,
          personaId: txn.personaId,
          deliveries: txn.deliveries,
        };
  };
  if (request.method === 'POST' && rest === 'share/approve') {
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
    const txn = transactions.get(parsed.data.txn_id);
    if (txn === undefined) return oauthError('invalid_request', 'no such share transaction');
    const answer = await answerShare(
      ctx,
      txn,
      parsed.data.persona ?? txn.citizenPid,
      parsed.data.decision,
    );
    return answer.ok ? json(view(txn.txnId)) : oauthError(answer.error, answer.description);
  }
  if (request.method === 'GET' && rest === 'share')
    return json({ transactions: [...transactions.keys()].map(view) });
  if (request.method === 'GET' && rest.startsWith('share/')) {
    const found = view(rest.slice('share/'.length));
    return found === undefined
      ? oauthError('not_found', 'no such share transaction', 404)
      : json(found);
  }
  return oauthError('not_found', `no admin route ${request.method} ${rest}`, 404);
}
