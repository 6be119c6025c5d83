import type { IncomingMessage } from 'node:http';

type TrustFn = (address: string, hop: number) => boolean;

interface ExpressLike extends IncomingMessage {
  readonly app?: { get(setting: string): unknown };
  readonly protocol?: string;
}

function first(value: string | string[] | undefined): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  const head = one?.split(',')[0]?.trim();
  return head === undefined || head === '' ? undefined : head;
}

/**
 * The origin Express's own `trust proxy` setting vouches for: the forwarded protocol and
 * host when the connection comes from a trusted proxy, else `undefined` (the translation
 * then uses the address the connection arrived on; `Host` is not believed).
 */
export function trustedProxyOrigin(req: IncomingMessage): string | undefined {
  const express = req as ExpressLike;
  const trust = express.app?.get('trust proxy fn') as TrustFn | undefined;
  if (typeof trust !== 'function' || !trust(req.socket.remoteAddress ?? '', 0)) return undefined;
  // Express computes `req.protocol` from X-Forwarded-Proto under the same trust function.
  const protocol = express.protocol === 'https' ? 'https' : 'http';
  const host = first(req.headers['x-forwarded-host']) ?? first(req.headers.host);
  if (host === undefined || /[/\\?#@\s]/.test(host)) return undefined;
  return `${protocol}://${host}`;
}
