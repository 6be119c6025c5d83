/**
 * Serves the mock identity provider over `node:http`. The provider itself only speaks
 * web `Request` → `Response`; this file is the thin translation, like an Auth.js adapter.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createMockIdp, type MockIdp } from './idp';
import type { MockIdpOptions } from './options';

/** Options of {@link startMockIdp}: where to listen, plus every option of `createMockIdp`. */
export type StartMockIdpOptions = MockIdpOptions & {
  /** TCP port; `0` picks a free one. Default 9400. */
  port?: number;
  /** Interface to bind. Default `127.0.0.1` (never all interfaces unless asked). */
  host?: string;
};

/** A running mock identity provider. */
export interface RunningMockIdp {
  /** The base URL the server is bound to, e.g. `http://127.0.0.1:9400`. */
  readonly url: string;
  /** The issuer (the bound URL unless `issuer` was given). */
  readonly issuer: string;
  /** The provider, for its control methods (faults, key rotation, reset, …). */
  readonly idp: MockIdp;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** A handler in web-standard terms. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A node:http server answering with a web-standard handler. */
export interface ServedHandler {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

// Form posts and JSON are small: reading them whole is much cheaper than a web stream.
// Larger bodies, or bodies of unknown length, are streamed.
const BUFFERED_BODY_LIMIT = 64 * 1024;
// No endpoint of the provider takes more than a few kilobytes; refuse a declared flood.
const DECLARED_BODY_LIMIT = 1024 * 1024;

/** A request body larger than the provider will read. */
class BodyTooLarge extends Error {}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i];
    const value = req.rawHeaders[i + 1];
    // HTTP/2 pseudo-headers are not valid Fetch header names.
    if (name === undefined || value === undefined || name.startsWith(':')) continue;
    headers.append(name, value);
  }
  return headers;
}

async function readSmallBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const url = new URL(req.url ?? '/', base);
  const method = req.method ?? 'GET';
  const headers = requestHeaders(req);
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const length = Number(req.headers['content-length'] ?? Number.NaN);
  if (length > DECLARED_BODY_LIMIT) throw new BodyTooLarge();
  if (Number.isInteger(length) && length <= BUFFERED_BODY_LIMIT) {
    return new Request(url, { method, headers, body: await readSmallBody(req) });
  }
  // Node's fetch needs `duplex: 'half'` to accept a streamed request body.
  const init: RequestInit & { duplex: 'half' } = {
    method,
    headers,
    body: Readable.toWeb(req) as ReadableStream<Uint8Array>,
    duplex: 'half',
  };
  return new Request(url, init);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  // The provider answers with small documents: one write is cheaper than streaming.
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  if (body !== undefined) headers['content-length'] = String(body.length);
  res.writeHead(response.status, response.statusText, headers);
  res.end(body);
}

function formatHost(host: string): string {
  // Bound to every interface: the URL a browser or client on this machine can use.
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Serves a web-standard handler over node:http on `host:port` (port 0 picks a free one).
 * `base` maps the request path to the URL the handler sees (default: the bound URL).
 */
export async function serveFetch(
  handler: FetchHandler,
  options: { port: number; host: string; base?: () => string },
): Promise<ServedHandler> {
  let url = '';
  const server = createServer((req, res) => {
    const base = options.base?.() ?? url;
    toRequest(req, base)
      .then(
        (request) => handler(request),
        (error: unknown) =>
          error instanceof BodyTooLarge
            ? new Response(
                '{"error":"invalid_request","error_description":"request body too large"}',
                {
                  status: 413,
                  headers: { 'content-type': 'application/json', connection: 'close' },
                },
              )
            : new Response('bad request', { status: 400 }),
      )
      .then((response) => writeResponse(response, res))
      .catch(() => {
        // The handler's own errors are answered by the handler; this is a last resort
        // (a bug, or the client went away mid-response). Say nothing about the cause.
        if (!res.headersSent) {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end('{"error":"server_error"}');
        } else {
          res.destroy();
        }
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  url = `http://${formatHost(options.host)}:${address.port}`;
  // Closing twice (afterAll plus a test's own close) is harmless.
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      })),
  };
}

/**
 * Starts the mock identity provider on node:http.
 *
 * @param options - `port` (default 9400, `0` for a free one), `host` (default
 *   `127.0.0.1`) and every option of `createMockIdp`. The issuer defaults to the bound URL.
 * @returns The URL, the issuer, the provider and `close()`.
 * @throws The listen error (e.g. `EADDRINUSE`), or `config_invalid` for bad options.
 *
 * @example
 * ```ts
 * const mock = await startMockIdp({ port: 0 });
 * console.log(`${mock.issuer}/.well-known/openid-configuration`);
 * await mock.close();
 * ```
 */
export async function startMockIdp(options: StartMockIdpOptions = {}): Promise<RunningMockIdp> {
  const { port = 9400, host = '127.0.0.1', ...idpOptions } = options;
  let idp: MockIdp | undefined;
  let issuerOrigin = '';
  const served = await serveFetch(
    (request) => {
      if (idp === undefined) return Promise.resolve(new Response('starting', { status: 503 }));
      return idp.fetch(request);
    },
    { port, host, base: () => issuerOrigin },
  );
  try {
    idp = createMockIdp({ ...idpOptions, issuer: idpOptions.issuer ?? served.url });
    // Ready means the signing keys exist: the first login does not pay for key generation.
    await idp.ready;
  } catch (error) {
    await served.close();
    throw error;
  }
  // Requests reach the handler with the issuer's origin, so a mock behind a proxy or
  // with a configured public issuer sees the URLs it published.
  issuerOrigin = new URL(idp.issuer).origin;
  const running = idp;
  return {
    url: served.url,
    issuer: running.issuer,
    idp: running,
    close: async () => {
      await served.close();
      await running.close();
    },
  };
}
