/**
 * The client side of share transactions (DOMAIN.md dialect 6): `POST /share` starts one,
 * `GET|POST /share/{txnId}/status` polls it. Both authenticate the client with its secret
 * (or key), as the token endpoint does: `GET` with HTTP Basic, `POST` with any method the
 * client is registered for (a `vneid-partner` client: `client_id` + `client_secret` in the body).
 */
import { ATTRIBUTE_NAMES, isValidPid, type AttributeName } from '@dinhdanh/core';
import { authenticateClient } from '../clients/authenticate';
import { endpointUrl, type Context } from '../context';
import type { MockClient } from '../options';
import { json, OAuthProblem, readParams, required, single } from '../util/http';
import { randomToken } from '../util/random';
import { shareResult } from './result';
import { shareTransactions, sweepShares, type ShareTransaction } from './store';

/** Path of the share API, relative to the issuer. */
export const SHARE_PATH = '/share';

const KNOWN = new Set<string>(ATTRIBUTE_NAMES);
const SERVICE_CODE = /^[A-Za-z0-9._-]{1,64}$/;
const DEFAULT_LIFETIME = 300;

/** The link the citizen opens (tap on a phone, or the QR on a desktop or kiosk). */
export function shareLink(ctx: Context, txnId: string): string {
  return endpointUrl(ctx, `${SHARE_PATH}/${txnId}`);
}

async function authenticate(
  ctx: Context,
  request: Request,
): Promise<{ client: MockClient; params: URLSearchParams }> {
  // on GET only the Authorization header authenticates: a secret in a URL would be logged
  const params = request.method === 'GET' ? new URLSearchParams() : await readParams(request);
  const { client } = await authenticateClient(
    { ...ctx, audiences: [endpointUrl(ctx, SHARE_PATH)] },
    request,
    params,
  );
  return { client, params };
}

function attributesOf(raw: string): AttributeName[] {
  const names = [...new Set(raw.split(/[\s,]+/).filter((s) => s !== ''))];
  const unknown = names.filter((n) => !KNOWN.has(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new OAuthProblem(
      'invalid_request',
      `attributes must list attribute names (${ATTRIBUTE_NAMES.join(' ')})`,
    );
  }
  return ATTRIBUTE_NAMES.filter((a) => names.includes(a));
}

/** `POST /share`: start a transaction → `{ txnId, link, qr, expiresAt, expiresIn }`. */
export async function startShare(ctx: Context, request: Request): Promise<Response> {
  if (request.method !== 'POST') throw new OAuthProblem('invalid_request', 'use POST', 405);
  const { client, params } = await authenticate(ctx, request);
  const attributes = attributesOf(required(params, 'attributes'));
  const purpose = required(params, 'purpose');
  if (purpose.length > 500) throw new OAuthProblem('invalid_request', 'purpose is too long (500)');
  const citizenPid = single(params, 'citizen_pid');
  if (citizenPid !== undefined && !isValidPid(citizenPid))
    throw new OAuthProblem('invalid_request', 'citizen_pid is not a valid personal ID number');
  const serviceCode = single(params, 'service_code') ?? 'share-info';
  if (!SERVICE_CODE.test(serviceCode))
    throw new OAuthProblem('invalid_request', 'service_code must be 1-64 of [A-Za-z0-9._-]');
  const now = ctx.now();
  sweepShares(ctx.store, now);
  const lifetime = client.share?.lifetime ?? DEFAULT_LIFETIME;
  const txn: ShareTransaction = {
    txnId: randomToken(16),
    clientId: client.clientId,
    serviceCode,
    purpose,
    attributes,
    ...(citizenPid === undefined ? {} : { citizenPid }),
    createdAt: now,
    expiresAt: now + lifetime * 1000,
    status: 'pending',
    deliveries: [],
  };
  shareTransactions(ctx.store).set(txn.txnId, txn);
  const link = shareLink(ctx, txn.txnId);
  return json(
    {
      txnId: txn.txnId,
      link,
      qr: link,
      expiresAt: new Date(txn.expiresAt).toISOString(),
      expiresIn: lifetime,
    },
    201,
  );
}

/** `GET|POST /share/{txnId}/status`: the result, for the client that started it. */
export async function shareStatus(
  ctx: Context,
  request: Request,
  txnId: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'POST')
    throw new OAuthProblem('invalid_request', 'use GET or POST', 405);
  const { client } = await authenticate(ctx, request);
  const txn = shareTransactions(ctx.store).get(txnId);
  if (txn === undefined || txn.clientId !== client.clientId)
    throw new OAuthProblem('not_found', 'no such transaction for this client', 404);
  return json(shareResult(txn, ctx.now()));
}
