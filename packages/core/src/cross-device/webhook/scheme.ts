import { DinhDanhError } from '../../errors';

/** Header names of the webhook signature scheme. */
export interface WebhookHeaderNames {
  /** Unix time in seconds when the sender signed (default `x-vneid-timestamp`). */
  readonly timestamp?: string;
  /** `sha256=<hex HMAC>` (default `x-vneid-signature`). */
  readonly signature?: string;
}

/** One secret, or several while rotating (any of them verifies; the first signs). */
export type WebhookSecret = string | Uint8Array | readonly (string | Uint8Array)[];

/** Default header names. */
export const DEFAULT_WEBHOOK_HEADERS = {
  timestamp: 'x-vneid-timestamp',
  signature: 'x-vneid-signature',
} as const;

/** Shortest accepted secret, in bytes. */
export const MIN_SECRET_BYTES = 32;

/** Resolves the header names, lower-cased. */
export function headerNames(names: WebhookHeaderNames | undefined): {
  timestamp: string;
  signature: string;
} {
  return {
    timestamp: (names?.timestamp ?? DEFAULT_WEBHOOK_HEADERS.timestamp).toLowerCase(),
    signature: (names?.signature ?? DEFAULT_WEBHOOK_HEADERS.signature).toLowerCase(),
  };
}

/** The signed bytes: `${timestamp}.` followed by the raw body. */
export function signedContent(timestamp: string, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = new TextEncoder().encode(`${timestamp}.`);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  return out;
}

/** Imports the secrets as HMAC-SHA256 keys; a missing or short secret is `config_invalid`. */
export async function hmacKeys(
  secret: WebhookSecret,
  usage: 'sign' | 'verify',
): Promise<CryptoKey[]> {
  const list = typeof secret === 'string' || secret instanceof Uint8Array ? [secret] : [...secret];
  if (list.length === 0) {
    throw new DinhDanhError('config_invalid', 'A webhook secret is required.', { path: 'secret' });
  }
  return Promise.all(
    list.map((one) => {
      const bytes = typeof one === 'string' ? new TextEncoder().encode(one) : one;
      if (!(bytes instanceof Uint8Array) || bytes.length < MIN_SECRET_BYTES) {
        throw new DinhDanhError(
          'config_invalid',
          `The webhook secret must be at least ${String(MIN_SECRET_BYTES)} bytes; use the secret the provider issued for this client.`,
          { path: 'secret' },
        );
      }
      return crypto.subtle.importKey(
        'raw',
        new Uint8Array(bytes),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        [usage],
      );
    }),
  );
}
