import * as base64url from 'jose/base64url';
import { DinhDanhError } from '../../errors';
import { readRequestBody } from '../../http/read-body';
import type { ReplayCache } from '../../replay-cache';
import { hmacKeys, headerNames, signedContent } from './scheme';
import type { WebhookHeaderNames, WebhookSecret } from './scheme';

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** The shared secret; several while rotating (any of them verifies). At least 32 bytes each. */
  readonly secret: WebhookSecret;
  /** Where accepted deliveries are remembered so each is accepted once. */
  readonly replayCache: ReplayCache;
  /** Largest accepted distance between the signed timestamp and now, in seconds (default 300). */
  readonly toleranceSeconds?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: () => number;
  /** Header names (default `x-vneid-timestamp` and `x-vneid-signature`). */
  readonly headers?: WebhookHeaderNames;
  /** Largest accepted body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

function signatureInvalid(): DinhDanhError {
  return new DinhDanhError(
    'webhook_signature_invalid',
    'The webhook signature does not verify. Check the shared secret and that the raw body reaches verifyWebhook unchanged.',
  );
}

function timestampInvalid(): DinhDanhError {
  return new DinhDanhError(
    'webhook_timestamp_invalid',
    'The webhook timestamp is missing, malformed or outside the accepted window. Check both clocks.',
  );
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The `sha256=<hex>` entries of the header (several, comma-separated, while the sender rotates). */
function signatures(header: string | null): string[] {
  if (header === null || header.length > 1024) return [];
  return header
    .split(',')
    .map((part) => SIGNATURE.exec(part.trim())?.[1]?.toLowerCase())
    .filter((hex): hex is string => hex !== undefined);
}

function parsePayload(body: Uint8Array): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DinhDanhError(
      'provider_response_invalid',
      'The signed webhook body is not a JSON object.',
      {
        path: 'body',
      },
    );
  }
  return value as Record<string, unknown>;
}

/**
 * Verifies a webhook from the provider (a share transaction's result, DOMAIN.md dialect 6)
 * and returns its JSON payload. The sender signs `${timestamp}.${rawBody}` with
 * HMAC-SHA256 and sends `X-VNeID-Timestamp: <unix seconds>` and
 * `X-VNeID-Signature: sha256=<hex>` (names configurable). The signature is checked with
 * `crypto.subtle.verify` (constant time) over the raw bytes, then the timestamp window,
 * then the replay cache.
 *
 * @param request The incoming request, body unread.
 * @param options Secret(s), replay cache, tolerance, clock, header names, size limit.
 * @returns The payload, a JSON object.
 * @throws `webhook_signature_invalid` (missing, malformed or wrong signature),
 * `webhook_timestamp_invalid` (missing, malformed, stale or future timestamp),
 * `webhook_replayed` (already accepted), `provider_response_invalid` (signed body not a JSON
 * object), `input_invalid` (body too large or already read), `config_invalid` (short secret).
 *
 * @example
 * ```ts
 * const replayCache = memoryReplayCache();
 * export async function POST(request: Request): Promise<Response> {
 *   const result = await verifyWebhook(request, { secret: process.env.VNEID_WEBHOOK_SECRET!, replayCache });
 *   await recordShareResult(result);
 *   return new Response(null, { status: 204 });
 * }
 * ```
 */
export async function verifyWebhook(
  request: Request,
  options: VerifyWebhookOptions,
): Promise<Record<string, unknown>> {
  const tolerance = options.toleranceSeconds ?? 300;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new DinhDanhError('config_invalid', 'toleranceSeconds must be a non-negative number.', {
      path: 'toleranceSeconds',
    });
  }
  if (typeof options.replayCache?.add !== 'function') {
    throw new DinhDanhError(
      'config_invalid',
      'verifyWebhook needs a replayCache (memoryReplayCache() for one process).',
      {
        path: 'replayCache',
      },
    );
  }
  const keys = await hmacKeys(options.secret, 'verify');
  const names = headerNames(options.headers);

  const timestamp = request.headers.get(names.timestamp)?.trim() ?? '';
  if (!TIMESTAMP.test(timestamp)) throw timestampInvalid();
  const candidates = signatures(request.headers.get(names.signature));
  if (candidates.length === 0) throw signatureInvalid();

  const body = await readRequestBody(request, options.maxBodyBytes ?? 1024 * 1024);
  const content = signedContent(timestamp, body);
  let matched: string | undefined;
  for (const hex of candidates) {
    for (const key of keys) {
      if (matched === undefined && (await crypto.subtle.verify('HMAC', key, fromHex(hex), content)))
        matched = hex;
    }
  }
  if (matched === undefined) throw signatureInvalid();

  const now = (options.now ?? Date.now)();
  const signedAt = Number(timestamp) * 1000;
  if (Math.abs(now - signedAt) > tolerance * 1000) throw timestampInvalid();

  const payload = parsePayload(body);
  // The entry must outlive the window in which this timestamp is still accepted.
  // Keyed on the content (timestamp + body digest), not on the signature that matched: a
  // delivery signed with several secrets during rotation is still accepted only once.
  const digest = base64url.encode(
    new Uint8Array(await crypto.subtle.digest('SHA-256', body as BufferSource)),
  );
  const fresh = await options.replayCache.add(
    `webhook:${timestamp}:${digest}`,
    signedAt + (tolerance + 1) * 1000,
  );
  if (!fresh) {
    throw new DinhDanhError(
      'webhook_replayed',
      'This webhook delivery was already accepted; ignore the repeat.',
    );
  }
  return payload;
}
