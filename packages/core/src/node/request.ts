/**
 * Node's `IncomingMessage` as a web `Request`, safely: the URL never takes its host from the
 * request (only from configuration, or from proxy headers the app says it trusts), and the
 * body is streamed with a cap rather than buffered.
 */
import { DinhDanhError } from '../errors';
import type { NodeIncomingRequest } from './types';

/** Options of {@link toWebRequest} and {@link toNodeHandler}. */
export interface ToWebRequestOptions {
  /**
   * The app's public origin (`https://bank.example`), or a function of the request that
   * returns it (`undefined`: the default for that request). Default: with `trustProxy`, the forwarded protocol and host; otherwise the
   * address the connection arrived on (`http://127.0.0.1:3000`). `Host` is never used
   * unless `trustProxy` is set.
   */
  readonly origin?: string | ((request: NodeIncomingRequest) => string | undefined);
  /**
   * Take the protocol and host from `X-Forwarded-Proto` and `X-Forwarded-Host` (first
   * value), then `Host`. Only behind a proxy that overwrites them. Default `false`.
   */
  readonly trustProxy?: boolean;
  /** Largest request body passed on, in bytes. Default 1 MiB; past it, 413 where it is read. */
  readonly maxBodyBytes?: number;
  /**
   * The body to pass on when the stream was already read (`readableEnded`), for instance by
   * a body parser mounted earlier. Default: none (an empty body).
   */
  readonly consumedBody?: (request: NodeIncomingRequest) => string | Uint8Array | undefined;
}

/** What the translation knows about one request's body while it is read. */
export interface BodyState {
  /** More than `maxBodyBytes` was declared or arrived. */
  tooLarge: boolean;
}

/** Methods the fetch standard refuses to put in a `Request`. */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const DEFAULT_MAX_BODY = 1024 * 1024;

function refused(message: string, status: number, path?: string): DinhDanhError {
  return new DinhDanhError('input_invalid', message, { status, ...(path ? { path } : {}) });
}

function first(value: string | readonly string[] | undefined): string | undefined {
  const one = typeof value === 'string' ? value : value?.[0];
  const head = one?.split(',')[0]?.trim();
  return head === undefined || head === '' ? undefined : head;
}

function parseOrigin(candidate: string, what: string): string {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw refused(`${what} is not an origin.`, 400, 'origin');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.host === '') {
    throw refused(`${what} is not an http(s) origin.`, 400, 'origin');
  }
  return url.origin;
}

/**
 * The origin a request is taken to be on, by {@link toWebRequest}'s rules: the configured
 * `origin`, else with `trustProxy` the forwarded protocol and host, else the address the
 * connection arrived on. Never the request-target or an untrusted `Host`.
 *
 * @param req - Node's request.
 * @param options - `origin` and `trustProxy`.
 * @returns An origin such as `https://bank.example`.
 * @throws `input_invalid` (400) when the configured or forwarded origin is not http(s).
 * @example
 * ```ts
 * requestOrigin(req, { trustProxy: true }); // 'https://bank.example' behind the proxy
 * ```
 */
export function requestOrigin(
  req: NodeIncomingRequest,
  options: Pick<ToWebRequestOptions, 'origin' | 'trustProxy'> = {},
): string {
  const { origin } = options;
  if (typeof origin === 'string') return parseOrigin(origin, 'The configured origin');
  const chosen = typeof origin === 'function' ? origin(req) : undefined;
  if (chosen !== undefined) return parseOrigin(chosen, 'The configured origin');
  const socket = req.socket ?? undefined;
  if (options.trustProxy === true) {
    const proto = first(req.headers['x-forwarded-proto'])?.toLowerCase();
    const scheme = proto ?? (socket?.encrypted === true ? 'https' : 'http');
    const host = first(req.headers['x-forwarded-host']) ?? first(req.headers.host);
    if (host === undefined || /[/\\?#@\s]/.test(host)) {
      throw refused('The forwarded host is missing or not a host.', 400, 'host');
    }
    return parseOrigin(`${scheme}://${host}`, 'The forwarded origin');
  }
  const scheme = socket?.encrypted === true ? 'https' : 'http';
  let address = socket?.localAddress ?? '127.0.0.1';
  if (address.startsWith('::ffff:') && address.includes('.')) address = address.slice(7);
  const host = address.includes(':') ? `[${address}]` : address;
  const port = socket?.localPort === undefined ? '' : `:${String(socket.localPort)}`;
  return parseOrigin(`${scheme}://${host}${port}`, 'The server address');
}

/**
 * The path and query of the request-target, with exactly one leading `/`: `//host/x`
 * (which browsers send for `https://app//host/x`) is the path `/host/x` on our origin,
 * never a URL on `host`. An absolute-form target keeps only its path and query.
 */
function pathAndQuery(target: string): string {
  let rest = target;
  if (!target.startsWith('/')) {
    if (!/^https?:\/\//i.test(target)) throw refused('The request target is not a path.', 400);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      throw refused('The request target is not a URL.', 400);
    }
    rest = `${url.pathname}${url.search}`;
  }
  return `/${rest.replace(/^[/\\]+/, '')}`;
}

function requestHeaders(req: NodeIncomingRequest, dropLength: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (dropLength && (name === 'content-length' || name === 'transfer-encoding')) continue;
    for (const one of typeof value === 'string' ? [value] : value) headers.append(name, one);
  }
  return headers;
}

function hasBody(req: NodeIncomingRequest): boolean {
  const length = first(req.headers['content-length']);
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Streams the body on demand: nothing is read until a handler reads, and never past `max`. */
function bodyStream(req: NodeIncomingRequest, max: number, state: BodyState) {
  const declared = Number(first(req.headers['content-length']) ?? Number.NaN);
  let listening = false;
  let received = 0;
  const tooLarge = () => refused(`The request body exceeds ${String(max)} bytes.`, 413, 'body');
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (listening) {
          req.resume();
          return;
        }
        listening = true;
        if (Number.isFinite(declared) && declared > max) {
          state.tooLarge = true;
          controller.error(tooLarge());
          return;
        }
        req.on('data', (chunk) => {
          if (state.tooLarge) return;
          received += chunk.byteLength;
          if (received > max) {
            state.tooLarge = true;
            req.pause();
            controller.error(tooLarge());
            return;
          }
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (!state.tooLarge) controller.close();
        });
        req.on('error', (error) => {
          if (!state.tooLarge) controller.error(error);
        });
      },
      cancel() {
        req.pause();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Translates Node's request into a web `Request` and the state of its body.
 * @internal Used by {@link toWebRequest} and {@link toNodeHandler}.
 */
export function translateRequest(
  req: NodeIncomingRequest,
  options: ToWebRequestOptions = {},
): { request: Request; body: BodyState } {
  const method = (req.method ?? 'GET').toUpperCase();
  if (FORBIDDEN_METHODS.has(method)) throw refused(`The method ${method} is not allowed.`, 405);
  const url = `${requestOrigin(req, options)}${pathAndQuery(req.url ?? '/')}`;
  const body: BodyState = { tooLarge: false };
  // HEAD is answered as GET; the response body is dropped when it is sent.
  const asMethod = method === 'HEAD' ? 'GET' : method;
  const max = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const init: RequestInit & { duplex?: 'half' } = { method: asMethod };
  const bodyless = asMethod === 'GET';
  const consumed = !bodyless && req.readableEnded === true;
  const fallback = consumed ? options.consumedBody?.(req) : undefined;
  try {
    init.headers = requestHeaders(req, consumed);
    if (fallback !== undefined) {
      const bytes = typeof fallback === 'string' ? new TextEncoder().encode(fallback) : fallback;
      if (bytes.byteLength > max) body.tooLarge = true;
      init.body = body.tooLarge ? null : (bytes as Uint8Array<ArrayBuffer>);
    } else if (!bodyless && !consumed && hasBody(req)) {
      init.body = bodyStream(req, max, body);
      init.duplex = 'half';
    }
    return { request: new Request(url, init), body };
  } catch (error) {
    // `Request` refuses some methods and malformed header values with a TypeError.
    throw /method/i.test(String(error))
      ? refused(`The method ${method} is not allowed.`, 405)
      : refused('The request headers are not valid.', 400);
  }
}

/**
 * Translates a Node `http.IncomingMessage` into a web `Request` for core's handlers.
 *
 * - The path is the request-target with exactly one leading `/`, on the configured origin:
 *   `//attacker.example/x` and absolute-form targets never change the host.
 * - `Host` and `X-Forwarded-*` are used only with `trustProxy`.
 * - The body is streamed on demand, capped at `maxBodyBytes` (reading past it fails with
 *   `input_invalid`, status 413); `HEAD` becomes `GET`.
 *
 * @param req - Node's request (or Bun's, Deno's node:http request).
 * @param options - Origin, proxy trust and body cap.
 * @returns The web request.
 * @throws `input_invalid` with status 405 for `CONNECT`/`TRACE`/`TRACK`, 400 for a target
 * that is not a path or an absolute http(s) URL.
 * @example
 * ```ts
 * const request = toWebRequest(req, { origin: 'https://bank.example' });
 * const response = await auth.handle(request);
 * ```
 */
export function toWebRequest(req: NodeIncomingRequest, options: ToWebRequestOptions = {}): Request {
  return translateRequest(req, options).request;
}
