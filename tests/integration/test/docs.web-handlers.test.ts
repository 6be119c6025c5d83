/**
 * docs/nextjs-and-hono.md runs: the Next.js route handlers (called as Next calls them, with
 * a web Request) and the Hono app each log a citizen in at the in-process mock. The files
 * under ./docs/web/ are embedded verbatim in the guide (docs.snippets-compile.test.ts).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { Browser, logInAtMock } from './docs/check/browser';
import * as authRoute from './docs/web/app/auth/[...dinhdanh]/route';
import * as profileRoute from './docs/web/app/api/profile/route';
import { app as hono } from './docs/web/hono';

const idp = createMockIdp(); // http://127.0.0.1:9400, the issuer auth.ts defaults to
const server = setupServer(...mockIdpHandlers(idp));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await idp.close();
});

type RouteModule = Partial<Record<'GET' | 'POST', (request: Request) => Promise<Response>>>;

/** What Next's App Router does with these two files: a path picks a module, a method its export. */
async function next(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  const route: RouteModule | undefined = pathname.startsWith('/auth/')
    ? authRoute
    : pathname === '/api/profile'
      ? profileRoute
      : undefined;
  const handler = route?.[request.method as 'GET' | 'POST'];
  if (handler === undefined) return new Response(null, { status: route ? 405 : 404 });
  return handler(request);
}

describe('docs/nextjs-and-hono.md: Next.js App Router route handlers', () => {
  it('the routes opt out of caching, as the guide says', () => {
    expect(authRoute.dynamic).toBe('force-dynamic');
    expect(profileRoute.dynamic).toBe('force-dynamic');
  });

  it('login through the catch-all route, then the profile API answers for the citizen', async () => {
    const browser = new Browser(next);
    expect((await browser.get('/api/profile')).status).toBe(401);
    const back = await logInAtMock(
      idp,
      browser,
      '/auth/login?returnTo=/api/profile',
      'citizen-l2',
      ['name', 'birthdate'],
    );
    expect(back).toBe('/api/profile');
    const profile = await browser.get('/api/profile');
    expect(profile.status).toBe(200);
    expect(await profile.json()).toEqual({
      name: 'Nguyễn Văn An',
      birthdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) as unknown,
      level: 2,
    });
  });

  it('POST /auth/logout through the same route ends the session', async () => {
    const browser = new Browser(next);
    await logInAtMock(idp, browser, '/auth/login', 'citizen-l2', ['name']);
    const me = (await (await browser.get('/auth/me')).json()) as { csrfToken: string };
    const cookie = [...browser.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    const logout = await next(
      new Request('http://localhost:3000/auth/logout', {
        method: 'POST',
        headers: {
          cookie,
          origin: 'http://localhost:3000',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ csrf: me.csrfToken }),
      }),
    );
    expect(logout.status).toBeLessThan(400);
    browser.keep(logout);
    expect((await browser.get('/api/profile')).status).toBe(401);
  });
});

describe('docs/nextjs-and-hono.md: Hono', () => {
  it('the Hono app logs a citizen in and greets them', async () => {
    const browser = new Browser((request) => Promise.resolve(hono.fetch(request)));
    const home = await browser.get('/');
    expect(home.status).toBe(302);
    const back = await logInAtMock(idp, browser, home.headers.get('location')!, 'citizen-l2', [
      'name',
      'birthdate',
    ]);
    expect(back).toBe('/');
    const page = await browser.get('/');
    expect(await page.text()).toBe('Xin chào, Nguyễn Văn An (level 2)');
  });
});
