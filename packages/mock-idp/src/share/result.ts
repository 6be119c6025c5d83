/**
 * The result of a share transaction, as polled and as delivered by webhook; the answer
 * (approve as a persona, or deny) shared by the phone page and the admin API.
 */
import { signWebhook } from '@dinhdanh/core';
import type { Context } from '../context';
import { DIALECTS } from '../dialects';
import { partnerUserinfoClaims } from '../dialects/vneid-partner';
import { findPersona } from '../personas/registry';
import type { Persona } from '../personas/schema';
import { statusAt, type ShareTransaction } from './store';

const DELIVERY_TIMEOUT_MS = 5_000;

/** The JSON result: status, what was asked, and on approval the shared claims. */
export function shareResult(txn: ShareTransaction, now: number): Record<string, unknown> {
  return {
    txnId: txn.txnId,
    status: statusAt(txn, now),
    serviceCode: txn.serviceCode,
    purpose: txn.purpose,
    attributes: txn.attributes,
    createdAt: new Date(txn.createdAt).toISOString(),
    expiresAt: new Date(txn.expiresAt).toISOString(),
    ...(txn.answeredAt === undefined ? {} : { answeredAt: new Date(txn.answeredAt).toISOString() }),
    ...(txn.data === undefined ? {} : { data: txn.data }),
  };
}

/** The claims of the requested attributes, in the client's dialect, with the account claims. */
function sharedClaims(
  ctx: Context,
  txn: ShareTransaction,
  persona: Persona,
): Record<string, unknown> {
  const client = ctx.clients.get(txn.clientId);
  const dialect = DIALECTS[client?.dialect ?? 'standard'];
  if (dialect.name === 'vneid-partner') return partnerUserinfoClaims(persona, txn.attributes);
  return {
    ...dialect.accountClaims(persona),
    ...dialect.claims(persona, new Set(txn.attributes)),
  };
}

/** POST the signed result to the client's webhook URL, if it registered one; record it. */
export async function deliverResult(ctx: Context, txn: ShareTransaction): Promise<void> {
  const share = ctx.clients.get(txn.clientId)?.share;
  if (share?.webhookUrl === undefined || share.webhookSecret === undefined) return;
  const body = JSON.stringify(shareResult(txn, ctx.now()));
  const { headers } = await signWebhook(body, {
    secret: share.webhookSecret,
    timestamp: Math.floor(ctx.now() / 1000),
  });
  let status = 0;
  let error: string | undefined;
  try {
    const response = await ctx.fetch(
      new Request(share.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      }),
    );
    status = response.status;
    await response.body?.cancel();
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  txn.deliveries.push({
    url: share.webhookUrl,
    status,
    body,
    headers,
    at: ctx.now(),
    ...(error === undefined ? {} : { error }),
  });
}

/** The outcome of answering a share transaction. */
export type ShareAnswer =
  | { readonly ok: true; readonly status: 'approved' | 'denied' }
  | {
      readonly ok: false;
      readonly error: string;
      readonly description: string;
      /** Why, for the phone page to say in the citizen's language. */
      readonly reason: ShareRefusal;
    };

/** Why a share answer was refused. */
export type ShareRefusal = 'closed' | 'no_account' | 'locked' | 'other_citizen';

/** Why this persona cannot approve this transaction, or undefined. */
export function shareProblem(
  txn: ShareTransaction,
  persona: Persona,
): { reason: 'locked' | 'other_citizen'; description: string } | undefined {
  if (persona.locked) return { reason: 'locked', description: 'this e-identity account is locked' };
  if (txn.citizenPid !== undefined && persona.attributes.pid !== txn.citizenPid)
    return { reason: 'other_citizen', description: 'this transaction is for another citizen' };
  return undefined;
}

/** Approve as a persona (sharing every requested attribute) or deny; then deliver the webhook. */
export async function answerShare(
  ctx: Context,
  txn: ShareTransaction,
  personaId: string | undefined,
  decision: 'approve' | 'deny',
): Promise<ShareAnswer> {
  if (statusAt(txn, ctx.now()) !== 'pending') {
    return {
      ok: false,
      error: 'invalid_request',
      description: 'the transaction is expired or already answered',
      reason: 'closed',
    };
  }
  if (decision === 'approve') {
    const persona = findPersona(ctx.personas, personaId);
    if (persona === undefined)
      return {
        ok: false,
        error: 'invalid_request',
        description: 'choose an existing account',
        reason: 'no_account',
      };
    const problem = shareProblem(txn, persona);
    if (problem !== undefined) return { ok: false, error: 'access_denied', ...problem };
    txn.personaId = persona.id;
    txn.data = sharedClaims(ctx, txn, persona);
  }
  txn.status = decision === 'approve' ? 'approved' : 'denied';
  txn.answeredAt = ctx.now();
  await deliverResult(ctx, txn);
  return { ok: true, status: txn.status };
}
