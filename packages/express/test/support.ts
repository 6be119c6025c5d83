/**
 * Test rig: a real Express app (5, or 4 through the `express4` alias) wired to a real
 * `@dinhdanh/mock-idp`, driven with supertest; cookies kept by a small jar parsed with the
 * `cookie` library (supertest's own jar will not send `Secure` cookies over loopback http).
 */
import { parseSetCookie } from 'cookie';
import express5 from 'express';
import express4 from 'express4';
import type { Express } from 'express';
import request from 'supertest';
import { createRelyingParty, type RelyingParty, type RelyingPartyConfig } from '@dinhdanh/core';
import type { MockClientInput } from '@dinhdanh/mock-idp';
import {
  dinhdanh,
  requireIdentity,
  type DinhDanhMiddleware,
  type DinhDanhOptions,
} from '@dinhdanh/express';

export const APP = 'https://bank.example';
export const REDIRECT = `${APP}/auth/callback`;
export const CLIENT_SECRET = 'express-client-secret-0123456789-abcdef';
export const SEAL_SECRET = 'express-seal-secret-express-seal-secret-0123';

/** Both supported Express majors: every behaviour test runs on each. */
export const EXPRESSES = [
  ['express 5', express5 as unknown as () => Express],
  ['express 4', express4 as unknown as () => Express],
] as const;

export type MakeExpress = (typeof EXPRESSES)[number][1];

export function mockClient(
  clientId: string,
  extra: Partial<MockClientInput> = {},
): MockClientInput {
  return {
    clientId,
    clientSecret: CLIENT_SECRET,
    name: 'Ngân hàng Express',
    redirectUris: [REDIRECT],
    postLogoutRedirectUris: [`${APP}/`],
    authMethods: ['client_secret_basic'],
    ...extra,
  };
}

export function relyingParty(
  issuer: string,
  clientId: string,
  extra: Partial<RelyingPartyConfig> = {},
): RelyingParty {
  return createRelyingParty({
    issuer,
    clientId,
    redirectUri: REDIRECT,
    postLogoutRedirectUri: `${APP}/`,
    clientAuth: { method: 'client_secret_basic', clientSecret: CLIENT_SECRET },
    ...extra,
  });
}

/** The app under test: public `/`, `/account` (any level), `/transfer` (level 2). */
export function bankApp(
  makeExpress: MakeExpress,
  options: DinhDanhOptions,
  configure: (app: Express, lib: typeof express5) => void = () => undefined,
): Express & { auth: DinhDanhMiddleware } {
  const app = makeExpress();
  configure(app, makeExpress as unknown as typeof express5);
  const auth = dinhdanh(options);
  app.use(auth);
  app.get('/', (req, res) => {
    res.json({
      who: req.identity?.attributes.name?.full ?? null,
      level: req.session?.level ?? null,
    });
  });
  app.get('/account', requireIdentity(), (req, res) => {
    res.json({ name: req.identity?.attributes.name?.full, level: req.identity?.level });
  });
  app.get('/transfer', requireIdentity({ level: 2 }), (req, res) => {
    res.json({ ok: true, level: req.session?.level });
  });
  return Object.assign(app, { auth });
}

/** A browser's cookie jar for one origin. */
export class Jar {
  readonly cookies = new Map<string, string>();

  keep(headers: Record<string, unknown>): this {
    const raw = headers['set-cookie'];
    for (const line of Array.isArray(raw) ? (raw as string[]) : []) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value ?? '');
    }
    return this;
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** A navigation in a browser: GET with `Accept: text/html` and the jar's cookies. */
export async function navigate(app: Express, jar: Jar, path: string): Promise<request.Response> {
  const response = await request(app)
    .get(path)
    .set('accept', 'text/html')
    .set('sec-fetch-mode', 'navigate')
    .set('cookie', jar.header());
  jar.keep(response.headers);
  return response;
}

/** Where a redirect points, as a path on the app (throws when it points elsewhere). */
export function appPath(location: string | undefined): string {
  const url = new URL(location ?? '', APP);
  if (url.origin !== APP) throw new Error(`expected a redirect to the app, got ${url.href}`);
  return `${url.pathname}${url.search}`;
}

/**
 * Logs in through the app: `/auth/login?<query>` (with `login_hint` so the mock, with
 * `autoApprove`, answers at once), the provider, then the callback. Returns the callback
 * response.
 */
export async function login(
  app: Express,
  jar: Jar,
  query: string,
  persona: string,
): Promise<request.Response> {
  const start = await navigate(app, jar, `/auth/login?${query}&login_hint=${persona}`);
  if (start.status !== 302) throw new Error(`login: ${String(start.status)} ${start.text}`);
  return followProvider(app, jar, start.headers.location as string);
}

/** Follows the provider's redirect back to the app and completes the callback. */
export async function followProvider(
  app: Express,
  jar: Jar,
  authorizeUrl: string,
): Promise<request.Response> {
  const atProvider = await fetch(authorizeUrl, { redirect: 'manual' });
  const back = atProvider.headers.get('location');
  if (back === null)
    throw new Error(`provider: ${String(atProvider.status)} ${await atProvider.text()}`);
  return navigate(app, jar, appPath(back));
}
