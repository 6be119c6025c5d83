import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createAuthHandlers,
  DinhDanhError,
  errorResponse,
  isDinhDanhError,
  type AuthHandlers,
  type AuthHandlersOptions,
  type RelyingParty,
} from '@dinhdanh/core';
import {
  requestOrigin,
  serveNodeRequest,
  type NodeIncomingRequest,
  type ToWebRequestOptions,
} from '@dinhdanh/core/node';
import { consumedBody } from './body';
import { setState, type RequestState } from './context';
import { trustedProxyOrigin } from './origin';

/** Options of {@link dinhdanh}: the relying party and everything `createAuthHandlers` takes. */
export interface DinhDanhOptions extends AuthHandlersOptions {
  /** From `createRelyingParty(config)`. */
  rp: RelyingParty;
  /** Largest request body the auth routes read, in bytes (default 64 KiB; 413 past it). */
  maxBodyBytes?: number;
}

/** An Express middleware (Express 4.21+ and 5), plus the core handlers it serves. */
export interface DinhDanhMiddleware {
  (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void;
  /** The core handlers behind the routes, for tests and custom routes. */
  readonly handlers: AuthHandlers;
}

/** One path form for matching: the translation collapses leading slashes the same way. */
function pathOf(target: string): string {
  let url = target;
  if (/^https?:\/\//i.test(target)) {
    try {
      url = new URL(target).pathname;
    } catch {
      url = '/';
    }
  }
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return `/${path.replace(/^[/\\]+/, '')}`;
}

function sessionCookieSent(cookie: string | undefined, name: string): boolean {
  return cookie !== undefined && cookie.includes(name);
}

/**
 * National e-identity login for an Express app: serves core's handlers under `basePath`
 * (`/auth/login`, `/auth/callback`, `/auth/logout`, `/auth/backchannel-logout`, `/auth/me`,
 * `/auth/qr/start`, `/auth/qr/poll`) and puts the typed `req.session` / `req.identity` on
 * every other request. Reading a session never writes a cookie. Mount it before your
 * routes; body parsers may come before or after it.
 *
 * @param options - `rp`, `secrets` and any other `createAuthHandlers` option.
 * @returns The middleware (`app.use(...)`); `.handlers` are the core handlers.
 * @throws `config_invalid` for bad options.
 * @example
 * ```ts
 * const app = express();
 * app.use(dinhdanh({ rp, secrets: [process.env.SESSION_SECRET!] }));
 * app.get('/account', requireIdentity({ level: 2 }), (req, res) => {
 *   res.send(`Xin chào ${req.identity?.attributes.name?.full ?? ''}`);
 * });
 * ```
 */
export function dinhdanh(options: DinhDanhOptions): DinhDanhMiddleware {
  if (typeof options !== 'object' || options === null || typeof options.rp !== 'object') {
    throw new DinhDanhError(
      'config_invalid',
      'dinhdanh({ rp, secrets }) needs the relying party `rp`.',
    );
  }
  const { rp, maxBodyBytes, ...handlerOptions } = options;
  const handlers = createAuthHandlers(rp, handlerOptions);
  const basePath = (options.basePath ?? '/auth').replace(/\/+$/, '');
  const cookieName = options.sessions?.cookieName ?? 'dinhdanh.session';
  const originFor = (req: IncomingMessage) => options.origin ?? trustedProxyOrigin(req);
  // Core's translation sees Node's request structurally; ours is the real IncomingMessage.
  const nodeOrigin = (req: NodeIncomingRequest) => originFor(req as IncomingMessage);
  const translation: ToWebRequestOptions = {
    origin: nodeOrigin,
    maxBodyBytes: maxBodyBytes ?? 64 * 1024,
    consumedBody: (req) => consumedBody(req as IncomingMessage),
  };

  /** A body-less web request carrying what the session read and error pages look at. */
  function webRequest(req: IncomingMessage): Request {
    const origin = requestOrigin(req, { origin: nodeOrigin });
    const headers = new Headers();
    for (const name of ['cookie', 'accept', 'accept-language', 'sec-fetch-mode']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    return new Request(`${origin}${pathOf(req.url ?? '/')}`, { headers });
  }

  async function render(error: DinhDanhError, req: IncomingMessage): Promise<Response> {
    const request = webRequest(req);
    return options.onError === undefined
      ? errorResponse(error, request, {
          retry: `${basePath}/login`,
          home: options.defaultReturnTo ?? '/',
        })
      : options.onError(error, request);
  }

  async function run(req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) {
    const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
    const path = pathOf(original ?? '/');
    if (path.startsWith(`${basePath}/`)) {
      await serveNodeRequest(req, res, handlers.handle, translation);
      return;
    }
    const state: { -readonly [K in keyof RequestState]: RequestState[K] } = {
      basePath,
      rp,
      render,
    };
    const target = req as IncomingMessage & Pick<Express.Request, 'session' | 'identity'>;
    target.session = undefined;
    target.identity = undefined;
    if (sessionCookieSent(req.headers.cookie, cookieName)) {
      try {
        const session = await handlers.getSessionFromCookies(req.headers.cookie);
        target.session = session;
        target.identity = session?.identity;
      } catch (error) {
        state.sessionError = isDinhDanhError(error)
          ? error
          : new DinhDanhError('store_unavailable', 'The session could not be read.', {
              cause: error,
            });
      }
    }
    setState(req, state);
    next();
  }

  const middleware = ((req, res, next) => {
    run(req, res, next).catch(next);
  }) as DinhDanhMiddleware;
  Object.defineProperty(middleware, 'handlers', { value: handlers, enumerable: true });
  return middleware;
}
