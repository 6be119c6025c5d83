import * as base64url from 'jose/base64url';
import { DinhDanhError } from '../errors';
import type { RpContext } from '../rp/context';
import type { QrLoginStatus } from '../rp/types';
import { qrLoginHandleSchema, type QrLoginHandle } from '../rp/wire';
import { findTransport } from './transport';

/**
 * How long a poll holds its transaction (milliseconds) when the mark cannot be released
 * (the process died mid-poll, or the cache has no `delete`): one poll's requests finish well
 * within it.
 */
const POLL_HOLD_MS = 30_000;

/** The replay-cache key of a transaction: a digest, so the device code never names a key. */
async function markKey(kind: 'poll' | 'approved', ref: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ref));
  return `qr-${kind}:${base64url.encode(new Uint8Array(digest))}`;
}

/**
 * Polls a cross-device login once, atomically across processes sharing the relying party's
 * replay cache (`redisReplayCache`):
 * - a poll holds its transaction while it asks the provider, so a second tab polling at the
 *   same moment is answered `pending` without reaching the provider (a provider such as
 *   oidc-provider revokes the whole grant when a device code is presented twice at once);
 * - an approval is handed out once: of two polls that both see it, the second gets
 *   `qr_invalid` (a share transaction keeps answering `approved`, and a retried webhook
 *   stores its result again, so a copied handle could otherwise open more sessions).
 *
 * @throws DinhDanhError qr_invalid for a malformed or foreign handle, or an approval
 *   already handed out.
 */
export async function pollQrLogin(ctx: RpContext, input: QrLoginHandle): Promise<QrLoginStatus> {
  const parsed = qrLoginHandleSchema.safeParse(input);
  if (!parsed.success || parsed.data.issuer !== ctx.options.issuer) {
    throw new DinhDanhError(
      'qr_invalid',
      'The QR login handle is malformed or belongs to another provider; start again.',
    );
  }
  const handle = parsed.data;
  const transport = findTransport(ctx, handle.transport);
  if (transport === undefined)
    throw new DinhDanhError('qr_invalid', 'The QR login handle names an unknown transport.');
  const now = ctx.now();
  if (now >= handle.expiresAt) return { status: 'expired' };
  const { replayCache } = ctx;
  const hold = await markKey('poll', handle.ref);
  if (!(await replayCache.add(hold, Math.min(handle.expiresAt, now + POLL_HOLD_MS)))) {
    return { status: 'pending' };
  }
  try {
    const status = await transport.poll(ctx, handle);
    if (status.status !== 'approved') return status;
    if (await replayCache.add(await markKey('approved', handle.ref), handle.expiresAt)) {
      return status;
    }
    throw new DinhDanhError(
      'qr_invalid',
      'This QR login was already used to sign in; start again.',
    );
  } finally {
    // Not releasing only delays the next poll of this transaction until the hold lapses.
    await Promise.resolve()
      .then(() => replayCache.delete?.(hold))
      .catch(() => undefined);
  }
}
