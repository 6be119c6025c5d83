import { DinhDanhError } from '../../errors';
import { hmacKeys, headerNames, signedContent } from './scheme';
import type { WebhookHeaderNames, WebhookSecret } from './scheme';

/** Options of {@link signWebhook}. */
export interface SignWebhookOptions {
  /** The shared secret (with several, the first signs). At least 32 bytes. */
  readonly secret: WebhookSecret;
  /** Unix time in seconds to sign with (default: now). */
  readonly timestamp?: number;
  /** Header names (default `x-vneid-timestamp` and `x-vneid-signature`). */
  readonly headers?: WebhookHeaderNames;
}

/** A signed webhook: the headers to send beside the unchanged body. */
export interface SignedWebhook {
  /** The timestamp signed, as sent. */
  readonly timestamp: string;
  /** `sha256=<hex>`, as sent. */
  readonly signature: string;
  /** Both headers, by their configured names. */
  readonly headers: Readonly<Record<string, string>>;
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Signs a webhook body: HMAC-SHA256 over `${timestamp}.${rawBody}` — the sender's side of
 * {@link verifyWebhook}, for the mock provider and tests.
 *
 * @param body The exact bytes (or UTF-8 text) that will be sent as the body.
 * @param options Secret, timestamp and header names.
 * @returns The timestamp, the signature and the headers to send.
 * @throws `config_invalid` for a missing or short secret; `input_invalid` for a bad timestamp.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ txnId, status: 'approved' });
 * const { headers } = await signWebhook(body, { secret });
 * await fetch(webhookUrl, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
 * ```
 */
export async function signWebhook(
  body: string | Uint8Array,
  options: SignWebhookOptions,
): Promise<SignedWebhook> {
  const seconds = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds < 0) {
    throw new DinhDanhError('input_invalid', 'timestamp is Unix time in whole seconds.', {
      path: 'timestamp',
    });
  }
  const timestamp = String(seconds);
  const [key] = await hmacKeys(options.secret, 'sign');
  if (!key)
    throw new DinhDanhError('config_invalid', 'A webhook secret is required.', { path: 'secret' });
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const mac = await crypto.subtle.sign('HMAC', key, signedContent(timestamp, bytes));
  const signature = `sha256=${hex(mac)}`;
  const names = headerNames(options.headers);
  return {
    timestamp,
    signature,
    headers: { [names.timestamp]: timestamp, [names.signature]: signature },
  };
}
