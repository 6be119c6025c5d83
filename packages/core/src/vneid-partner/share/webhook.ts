/**
 * The web-standard receiver of share-transaction webhooks: verifies the signature, the
 * timestamp and that the delivery is new (`verifyWebhook`), validates the result, and
 * records it so that the next `pollQrLogin` of that transaction answers without calling
 * the provider.
 */
import { verifyWebhook } from '../../cross-device/webhook/verify';
import type { WebhookHeaderNames, WebhookSecret } from '../../cross-device/webhook/scheme';
import { DinhDanhError, isDinhDanhError } from '../../errors';
import { memoryReplayCache } from '../../replay-cache';
import type { ReplayCache } from '../../replay-cache';
import { shareOutcomeSchema } from './schema';
import type { ShareResultStore } from './schema';

/** Options of {@link shareWebhookHandler}. */
export interface ShareWebhookOptions {
  /** The webhook secret the provider issued (several while rotating). At least 32 bytes. */
  readonly secret: WebhookSecret;
  /** Where results are recorded: the store given to `withShareTransactions`. */
  readonly results: ShareResultStore;
  /** Where accepted deliveries are remembered (default in memory; several processes need a shared one). */
  readonly replayCache?: ReplayCache;
  /** Largest accepted distance between the signed timestamp and now, seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** How long a result waits for its poll, seconds (default 600; never past the transaction's expiry plus a minute). */
  readonly retainSeconds?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Header names (default `x-vneid-timestamp` and `x-vneid-signature`). */
  readonly headers?: WebhookHeaderNames;
  /** Largest accepted body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
  /** Told about every refused delivery (log `error.code`; the error holds no secret, body or txnId). */
  readonly onError?: (error: DinhDanhError) => void;
}

function json(body: unknown, status: number, extra: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra },
  });
}

/**
 * Builds the receiver of share-transaction webhooks: a web-standard
 * `(request: Request) => Promise<Response>` for any framework (Next.js route handler, Hono,
 * Bun, Deno, Express through a `Request` adapter). It answers `204` once a result is
 * recorded, and a JSON `{ "error": code }` otherwise: `401` for `webhook_signature_invalid`
 * (wrong secret, altered body) and `webhook_timestamp_invalid` (stale or missing timestamp),
 * `409` for `webhook_replayed`, `400` for a signed body that is not a share result, `405` for
 * another method, `503` (`store_unavailable`) when the store fails.
 *
 * @param options Secret, the shared result store, replay cache, tolerance, clock.
 * @returns The request handler.
 * @throws `config_invalid` for a missing store or bad option (at creation, not per request).
 *
 * @example
 * ```ts
 * const results = memoryShareResultStore();
 * export const POST = shareWebhookHandler({ secret: process.env.VNEID_WEBHOOK_SECRET!, results });
 * ```
 */
export function shareWebhookHandler(
  options: ShareWebhookOptions,
): (request: Request) => Promise<Response> {
  if (typeof options !== 'object' || options === null) {
    throw new DinhDanhError('config_invalid', 'Pass shareWebhookHandler({ secret, results }).');
  }
  const { results } = options;
  if (typeof results?.put !== 'function' || typeof results.take !== 'function') {
    throw new DinhDanhError(
      'config_invalid',
      'shareWebhookHandler needs results: the ShareResultStore given to withShareTransactions.',
      { path: 'results' },
    );
  }
  const retain = options.retainSeconds ?? 600;
  if (!Number.isFinite(retain) || retain <= 0) {
    throw new DinhDanhError('config_invalid', 'retainSeconds must be a positive number.', {
      path: 'retainSeconds',
    });
  }
  const now = options.now ?? Date.now;
  const replayCache = options.replayCache ?? memoryReplayCache({ now });

  async function receive(request: Request): Promise<void> {
    const payload = await verifyWebhook(request, {
      secret: options.secret,
      replayCache,
      now,
      ...(options.toleranceSeconds === undefined
        ? {}
        : { toleranceSeconds: options.toleranceSeconds }),
      ...(options.headers === undefined ? {} : { headers: options.headers }),
      ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    });
    const parsed = shareOutcomeSchema.safeParse(payload);
    if (!parsed.success) {
      throw new DinhDanhError(
        'provider_response_invalid',
        'The signed webhook is not a share-transaction result.',
        { status: 400, path: parsed.error.issues[0]?.path.join('.') ?? '' },
      );
    }
    const outcome = parsed.data;
    if (outcome.status === 'pending') return;
    const at = now();
    const txnExpiry =
      outcome.expiresAt === undefined ? Infinity : Date.parse(outcome.expiresAt) + 60_000;
    try {
      await results.put(outcome.txnId, outcome, Math.min(at + retain * 1000, txnExpiry));
    } catch {
      throw new DinhDanhError(
        'store_unavailable',
        'The share result could not be recorded; the provider should deliver it again.',
      );
    }
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return json({ error: 'method_not_allowed' }, 405, { allow: 'POST' });
    }
    try {
      await receive(request);
      return new Response(null, { status: 204 });
    } catch (error) {
      const failure = isDinhDanhError(error)
        ? error
        : new DinhDanhError('store_unavailable', 'The share webhook could not be processed.');
      options.onError?.(failure);
      return json({ error: failure.code }, failure.status);
    }
  };
}
