/**
 * What an attacker would try against a real Express app (5 and 4) using the adapter: open
 * redirects, forged cookies, stale and replayed callbacks, CSRF, request-targets that name
 * another host, and proxy headers with and without `trust proxy`.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import { type DinhDanhError } from '@dinhdanh/core';
import { listen, raw } from './raw';
import {
  APP,
  appPath,
  bankApp,
  EXPRESSES,
  followProvider,
  Jar,
  login,
  mockClient,
  navigate,
  relyingParty,
  SEAL_SECRET,
} from './support';

let mock: RunningMockIdp;
beforeAll(async () => {
  mock = await startMockIdp({ port: 0, autoApprove: true, clients: [mockClient('rp-safety')] });
});
afterAll(async () => {
  await mock.close();
});

const options = (extra: object = {}) => ({
  rp: relyingParty(mock.issuer, 'rp-safety'),
  secrets: SEAL_SECRET,
  requests: { default: { claims: ['name' as const] } },
  ...extra,
});

const SESSION = '__Host-dinhdanh.session';
const TX = '__Host-dinhdanh.tx';

/** returnTo values that must never send the browser off the app. */
const HOSTILE_RETURN_TO = [
  'https://attacker.example/',
  'HtTpS://attacker.example',
  '//attacker.example',
  '///attacker.example',
  '/\\attacker.example',
  '\\\\attacker.example',
  '/\\/attacker.example',
  '%2F%2Fattacker.example',
  '%252F%252Fattacker.example',
  '/%5Cattacker.example',
  '/%09/attacker.example',
  '/\t/attacker.example',
  'https:attacker.example',
  'javascript:alert(1)',
  ' //attacker.example',
];

for (const [version, makeExpress] of EXPRESSES) {
  describe(version, () => {
    it.each(HOSTILE_RETURN_TO)(
      'refuses returnTo %j (never a redirect off the app)',
      async (value) => {
        const app = bankApp(makeExpress, options());
        const answer = await request(app)
          .get(`/auth/login?returnTo=${encodeURIComponent(value)}`)
          .set('accept', 'application/json');
        expect(answer.status).toBe(400);
        expect((answer.body as { error: { code: string } }).error.code).toBe('return_to_invalid');
        expect(answer.headers.location).toBeUndefined();
      },
    );

    it('a request-target naming another host (//host, absolute-form) stays on the app', async () => {
      const app = bankApp(makeExpress, options());
      const server = await listen(app);
      try {
        const send = (target: string, extra = '') =>
          raw(
            server.port,
            `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nSec-Fetch-Mode: navigate\r\n${extra}Connection: close\r\n\r\n`,
          );
        // requireIdentity's returnTo from a `//host` target is never that host.
        for (const target of ['//attacker.example/account', '/\\attacker.example/account']) {
          const gate = await send(target);
          const location = /^location: (.*)$/im.exec(gate.head)?.[1]?.trim();
          if (location !== undefined) {
            expect(new URL(location, APP).origin).toBe(APP);
            expect(new URL(location, APP).searchParams.get('returnTo')).not.toMatch(/^\/[/\\]/);
          } else {
            expect(gate.status).toBe(404);
          }
        }
        // Cross-site logout through `//host/auth/logout`: not the logout route.
        const logout = await raw(
          server.port,
          'POST //attacker.example/auth/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://attacker.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
        );
        expect(logout.status).not.toBe(303);
        const absolute = await send('http://attacker.example/auth/login?returnTo=/x');
        const to = /^location: (.*)$/im.exec(absolute.head)?.[1]?.trim() ?? '';
        expect(new URL(to).origin).toBe(new URL(mock.issuer).origin);
      } finally {
        await server.close();
      }
    });

    it('reads tampered, truncated, foreign and oversized session cookies as no session, never 500', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      await login(app, jar, 'returnTo=%2F', 'citizen-l2');
      const good = jar.cookies.get(SESSION) ?? '';
      const foreignApp = bankApp(
        makeExpress,
        options({ secrets: 'another-app-secret-another-app-secret-0123456' }),
      );
      const foreignJar = new Jar();
      await login(foreignApp, foreignJar, 'returnTo=%2F', 'citizen-l2');
      const forged = {
        tampered: `${good.slice(0, 40)}${good[40] === 'A' ? 'B' : 'A'}${good.slice(41)}`,
        truncated: good.slice(0, good.length - 20),
        foreign: foreignJar.cookies.get(SESSION) ?? '',
        oversized: 'A'.repeat(8000),
        garbage: '%%%not-a-jwe%%%',
      };
      for (const [kind, value] of Object.entries(forged)) {
        const home = await request(app).get('/').set('cookie', `${SESSION}=${value}`);
        expect(home.status, kind).toBe(200);
        expect(home.body, kind).toEqual({ who: null, level: null });
        const gate = await request(app)
          .get('/account')
          .set('cookie', `${SESSION}=${value}`)
          .set('accept', 'application/json');
        expect(gate.status, kind).toBe(401);
      }
      const chunks = Array.from(
        { length: 10 },
        (_, i) => `${SESSION}.${String(i)}=${'B'.repeat(1000)}`,
      );
      const many = await request(app)
        .get('/account')
        .set('cookie', chunks.join('; '))
        .set('accept', 'application/json');
      expect(many.status).toBe(401);
      // The good cookie still works: the checks above refused forgeries, not everything.
      expect((await request(app).get('/').set('cookie', `${SESSION}=${good}`)).body).toEqual({
        who: 'Nguyễn Văn An',
        level: 2,
      });
    });

    it('refuses an expired transaction cookie at the callback and writes no session', async () => {
      let shift = 0;
      const app = bankApp(makeExpress, options({ now: () => Date.now() + shift }));
      const jar = new Jar();
      const start = await navigate(app, jar, '/auth/login?login_hint=citizen-l2');
      shift = 601_000; // past the 600 s transaction lifetime
      const callback = await followProvider(app, jar, start.headers.location as string);
      expect(callback.status).toBeGreaterThanOrEqual(400);
      expect(callback.status).toBeLessThan(500);
      expect(jar.cookies.has(SESSION)).toBe(false);
    });

    it('refuses a replayed callback (same code and transaction) and writes no session', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      const start = await navigate(app, jar, '/auth/login?login_hint=citizen-l2');
      // The pending-login cookie of this state (`__Host-dinhdanh.tx.<key>`), kept to replay.
      const [txName, transaction] = [...jar.cookies].find(([name]) =>
        name.startsWith(`${TX}.`),
      ) ?? [TX, ''];
      expect(transaction).not.toBe('');
      const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
      const callbackPath = appPath(atProvider.headers.get('location') ?? '');
      expect((await navigate(app, jar, callbackPath)).status).toBe(302);
      const replay = await request(app)
        .get(callbackPath)
        .set('accept', 'text/html')
        .set('cookie', `${txName}=${transaction}`);
      expect(replay.status).toBeGreaterThanOrEqual(400);
      expect(replay.status).toBeLessThan(500);
      expect(String(replay.headers['set-cookie'] ?? '')).not.toContain(`${SESSION}=e`);
    });

    it('refuses a callback with a missing or wrong state', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      const start = await navigate(app, jar, '/auth/login?login_hint=citizen-l2');
      const atProvider = await fetch(start.headers.location as string, { redirect: 'manual' });
      const callback = new URL(atProvider.headers.get('location') ?? '');
      const wrong = new URL(callback);
      wrong.searchParams.set('state', 'forged-state');
      const missing = new URL(callback);
      missing.searchParams.delete('state');
      for (const url of [wrong, missing]) {
        const answer = await request(app)
          .get(`${url.pathname}${url.search}`)
          .set('accept', 'application/json')
          .set('cookie', jar.header());
        expect(answer.status).toBe(400);
        expect(answer.headers['set-cookie'] ?? []).not.toContainEqual(
          expect.stringMatching(/^__Host-dinhdanh\.session=[^;]/),
        );
      }
    });

    it('refuses cross-site logout and QR start (CSRF), and the session survives', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      await login(app, jar, 'returnTo=%2F', 'citizen-l2');
      const attempts = [
        { origin: 'https://attacker.example' },
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
      ];
      for (const headers of attempts) {
        const logout = await request(app)
          .post('/auth/logout')
          .set(headers)
          .set('cookie', jar.header());
        expect(logout.status, JSON.stringify(headers)).toBe(403);
        const qr = await request(app)
          .post('/auth/qr/start')
          .set(headers)
          .set('content-type', 'application/json')
          .send({});
        expect(qr.status, JSON.stringify(headers)).toBe(403);
      }
      expect((await navigate(app, jar, '/account')).status).toBe(200);
    });

    it.each([
      ['unset', undefined],
      ['set', 'loopback'],
    ])(
      'trust proxy %s: X-Forwarded-* believed only when Express trusts the proxy',
      async (_name, trust) => {
        const seen: string[] = [];
        const app = bankApp(
          makeExpress,
          options({
            onError: (error: DinhDanhError, req: Request) => {
              seen.push(req.url);
              return Response.json({ error: { code: error.code } }, { status: error.status });
            },
          }),
          (created) => {
            if (trust !== undefined) created.set('trust proxy', trust);
          },
        );
        const answer = await request(app)
          .get('/auth/login?stepUp=maybe')
          .set('x-forwarded-proto', 'https')
          .set('x-forwarded-host', 'bank.example')
          .set('host', 'attacker.example');
        expect(answer.status).toBe(400);
        const origin = new URL(seen[0] ?? '').origin;
        if (trust === undefined) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        else expect(origin).toBe('https://bank.example');
        // Cookies follow the redirect URI's https origin either way: Secure and __Host-.
        const jar = new Jar();
        const start = await request(app).get('/auth/login').set('x-forwarded-proto', 'http');
        jar.keep(start.headers);
        // One pending-login cookie per state (`__Host-dinhdanh.tx.<key>`), Secure and __Host-.
        expect([...jar.cookies.keys()].some((name) => name.startsWith(`${TX}.`))).toBe(true);
        expect(String(start.headers['set-cookie'])).toMatch(/Secure/);
      },
    );
  });
}
