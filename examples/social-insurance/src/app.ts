/**
 * The whole app as one web-standard function, `Request → Response`, with no framework:
 * core's auth handlers under `/auth`, the pages, and one stylesheet file.
 */
import { readFileSync } from 'node:fs';
import {
  createAuthHandlers,
  createRelyingParty,
  errorResponse,
  oidc,
  type FetchLike,
  type MeResponse,
  type Session,
} from '@dinhdanh/core';
import { minorRecordOf, minorRecords, vietnamDate } from './minors';
import { isMinorLogin, REQUESTS } from './requests';
import type { Viewer } from './views/layout';
import { pageHeaders } from './views/layout';
import {
  minorsPage,
  notFoundPage,
  ownRecordPage,
  refusedPage,
  signedOutPage,
  welcomePage,
  type Today,
} from './views/pages';

/** Where the app runs and how it reaches its identity provider. */
export interface InsuranceAppOptions {
  /** The identity provider's issuer URL. */
  readonly issuer: string;
  /** The app's public origin, `http://127.0.0.1:3003`. */
  readonly origin: string;
  readonly clientId: string;
  /** The client secret at the provider (≥ 32 characters). */
  readonly clientSecret: string;
  /** Seals the session cookies (≥ 32 characters). */
  readonly sessionSecret: string;
  /** The clock (default: the system's). */
  readonly now?: () => Date;
  /** `fetch` towards the provider (default: the global one). */
  readonly fetch?: FetchLike;
}

/** The stylesheet, read once; `src/` and `dist/` are both one level below `public/`. */
const STYLESHEET = readFileSync(new URL('../public/app.css', import.meta.url), 'utf8');

const TIME = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** The app: `handle` answers every request. */
export function createInsuranceApp(options: InsuranceAppOptions): {
  handle(request: Request): Promise<Response>;
} {
  const now = () => (options.now?.() ?? new Date()).getTime();
  const issuerOrigin = new URL(options.issuer).origin;
  const minors = minorRecords(now);
  const rp = createRelyingParty({
    provider: oidc(),
    issuer: options.issuer,
    clientId: options.clientId,
    redirectUri: `${options.origin}/auth/callback`,
    clientAuth: { method: 'client_secret_basic', clientSecret: options.clientSecret },
    now,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });

  const page = (body: string, status = 200) =>
    new Response(body, { status, headers: pageHeaders([issuerOrigin]) });

  async function viewerOf(request: Request, session: Session): Promise<Viewer> {
    // /auth/me gives the session's CSRF token, which the logout form sends.
    const me = (await (await auth.me(request)).json()) as MeResponse;
    return {
      name: session.identity.attributes.name?.full ?? 'Người dùng',
      csrfToken: me.status === 'authenticated' ? me.csrfToken : '',
    };
  }

  const auth = createAuthHandlers(rp, {
    secrets: [options.sessionSecret],
    origin: options.origin,
    requests: REQUESTS,
    requireCsrfToken: true,
    postLogoutRedirectUri: `${options.origin}/signed-out`,
    now,
    // The app speaks Vietnamese only, its error pages too (core's page, in English when the
    // browser prefers English, is otherwise the default).
    onError(error, request) {
      const headers = new Headers(request.headers);
      headers.set('accept-language', 'vi');
      return errorResponse(error, new Request(request.url, { headers }), {
        retry: '/auth/login',
        home: '/',
      });
    },
    /** A child's login never replaces the guardian's session: it adds the child's record to it. */
    async onLogin(result, request) {
      if (!isMinorLogin(result.consent.requested)) return undefined;
      const guardian = await auth.getSession(request);
      if (guardian === undefined) return page(refusedPage('no-guardian-session', undefined), 403);
      const record = minorRecordOf(result, guardian, now());
      if (typeof record === 'string') {
        return page(refusedPage(record, await viewerOf(request, guardian)), 403);
      }
      minors.keep(guardian, record);
      return new Response(null, { status: 303, headers: { location: '/children' } });
    },
  });

  function today(): Today {
    return {
      date: vietnamDate(now()),
      time: (epochMs) => TIME.format(new Date(epochMs)),
    };
  }

  async function logout(request: Request): Promise<Response> {
    const session = await auth.getSession(request);
    const response = await auth.handle(request);
    if (session !== undefined && response.status === 303) minors.forget(session.id);
    return response;
  }

  async function pages(request: Request, path: string): Promise<Response> {
    if (path === '/signed-out') return page(signedOutPage());
    if (path !== '/' && path !== '/children') return page(notFoundPage(), 404);
    const session = await auth.getSession(request);
    if (session === undefined) {
      return path === '/'
        ? page(welcomePage())
        : new Response(null, {
            status: 302,
            headers: { location: `/auth/login?returnTo=${encodeURIComponent(path)}` },
          });
    }
    const viewer = await viewerOf(request, session);
    return path === '/'
      ? page(ownRecordPage(session, viewer, today()))
      : page(minorsPage(minors.of(session), viewer, today()));
  }

  return {
    async handle(request) {
      const path = new URL(request.url).pathname;
      if (path === '/auth/logout' && request.method === 'POST') return logout(request);
      if (path.startsWith('/auth/')) return auth.handle(request);
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
      }
      if (path === '/assets/app.css') {
        return new Response(STYLESHEET, {
          headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' },
        });
      }
      return pages(request, path);
    },
  };
}
