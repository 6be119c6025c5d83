import { createRequire } from 'node:module';
/**
 * Full flows through a real Express app (5 and 4) against the mock provider over HTTP:
 * login, step-up 1 → 2 without a redirect loop, API callers' RFC 9470 challenges, QR login,
 * back-channel logout, and reading a session without writing a cookie.
 */
import type express5 from 'express';
import type { Express } from 'express';

type Lib = typeof express5;
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from '@dinhdanh/core';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import {
  appPath,
  bankApp,
  EXPRESSES,
  Jar,
  login,
  mockClient,
  navigate,
  relyingParty,
  SEAL_SECRET,
  APP,
} from './support';

let mock: RunningMockIdp;
/** Where the mock delivers back-channel logout tokens: the app under test, over supertest. */
let deliverTo: ((request: Request) => Promise<Response>) | undefined;

beforeAll(async () => {
  mock = await startMockIdp({
    port: 0,
    autoApprove: true,
    clients: [mockClient('rp-express', { backchannelLogoutUri: `${APP}/auth/backchannel-logout` })],
    fetch: (delivery) =>
      deliverTo === undefined
        ? Promise.resolve(new Response('nobody', { status: 503 }))
        : deliverTo(delivery),
  });
});
afterAll(async () => {
  await mock.close();
});

const options = () => ({
  rp: relyingParty(mock.issuer, 'rp-express'),
  secrets: SEAL_SECRET,
  requests: { default: { level: 1 as const, claims: ['name' as const] } },
  meAttributes: ['name' as const],
});

const errorCode = (response: { body: unknown }) =>
  (response.body as { error: { code: string } }).error.code;

for (const [version, makeExpress] of EXPRESSES) {
  describe(version, () => {
    it('logs a citizen in: protected page → login → provider → callback → back to the page', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      const gate = await navigate(app, jar, '/account?tab=1');
      expect(gate.status).toBe(302);
      const start = appPath(gate.headers.location);
      expect(start).toBe('/auth/login?returnTo=%2Faccount%3Ftab%3D1');
      const callback = await login(app, jar, start.slice('/auth/login?'.length), 'citizen-l2');
      expect(callback.status).toBe(302);
      expect(callback.headers.location).toBe('/account?tab=1');
      expect(jar.cookies.has('__Host-dinhdanh.session')).toBe(true);

      const page = await navigate(app, jar, '/account?tab=1');
      expect(page.status).toBe(200);
      expect(page.body).toEqual({ name: 'Nguyễn Văn An', level: 2 });
      // Reading the session wrote no cookie: nothing to re-seal on every response.
      expect(page.headers['set-cookie']).toBeUndefined();
      const me = await request(app).get('/auth/me').set('cookie', jar.header());
      expect(me.body).toMatchObject({ status: 'authenticated', level: 2 });
    });

    it('steps up from level 1 to level 2 when a page needs it, then lets the citizen in', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      // The first login comes back at level 1 (the provider's ID token says acr level 1).
      mock.idp.setFaults({ name: 'id_token_lower_acr' });
      await login(app, jar, 'returnTo=%2F', 'citizen-l2');
      expect((await navigate(app, jar, '/')).body).toEqual({ who: 'Nguyễn Văn An', level: 1 });
      const gate = await navigate(app, jar, '/transfer');
      expect(gate.status).toBe(302);
      const stepUp = new URL(gate.headers.location as string, APP);
      expect(stepUp.pathname).toBe('/auth/login');
      expect(Object.fromEntries(stepUp.searchParams)).toEqual({
        returnTo: '/transfer',
        level: '2',
        stepUp: '1',
      });
      const callback = await login(app, jar, stepUp.search.slice(1), 'citizen-l2');
      expect(callback.headers.location).toBe('/transfer');
      const page = await navigate(app, jar, '/transfer');
      expect(page.status).toBe(200);
      expect(page.body).toEqual({ ok: true, level: 2 });
    });

    it.each([
      ['a level-1 citizen', 'citizen-l1', 0],
      ['ID tokens that keep saying level 1', 'citizen-l2', 8],
    ])(
      'never loops when the provider keeps answering level 1 (%s): the walk ends on an error page',
      async (_name, persona, lowerAcr) => {
        const app = bankApp(makeExpress, options());
        const jar = new Jar();
        if (lowerAcr > 0) mock.idp.setFaults({ name: 'id_token_lower_acr', times: lowerAcr });
        let path = '/transfer';
        const seen: string[] = [];
        for (let hop = 0; hop < 8; hop += 1) {
          const response = path.startsWith('/auth/login')
            ? await login(app, jar, path.slice('/auth/login?'.length), persona)
            : await navigate(app, jar, path);
          seen.push(`${String(response.status)} ${path}`);
          if (response.status !== 302) {
            expect(response.status).toBeGreaterThanOrEqual(400);
            expect(response.headers['content-type']).toMatch(/text\/html/);
            break;
          }
          path = appPath(response.headers.location);
        }
        expect(seen.length).toBeLessThanOrEqual(3);
        expect(seen.at(-1)).toMatch(/^4\d\d /);
        mock.idp.clearFaults();
      },
    );

    it('answers API callers 401 with RFC 9470 challenges instead of redirecting', async () => {
      const app = bankApp(makeExpress, options());
      const anonymous = await request(app).get('/transfer').set('accept', 'application/json');
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      expect(errorCode(anonymous)).toBe('session_missing');

      const jar = new Jar();
      mock.idp.setFaults({ name: 'id_token_lower_acr' });
      await login(app, jar, 'returnTo=%2F', 'citizen-l2');
      const low = await request(app)
        .get('/transfer')
        .set('cookie', jar.header())
        .set('sec-fetch-mode', 'cors');
      expect(low.status).toBe(401);
      expect(low.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_user_authentication", error_description="A higher level of authentication is required", acr_values="urn:dinhdanh:loa:2"',
      );
      expect(errorCode(low)).toBe('insufficient_level');
      expect(low.headers.location).toBeUndefined();
    });

    it('logs in by QR: start (CSRF-checked), approve on the phone, poll to a session', async () => {
      const app = bankApp(makeExpress, options());
      const jar = new Jar();
      const start = await request(app)
        .post('/auth/qr/start')
        .set('origin', APP)
        .set('content-type', 'application/json')
        .send({ returnTo: '/account' });
      expect(start.status).toBe(200);
      jar.keep(start.headers);
      const { userCode } = start.body as { userCode: string };
      const pending = await request(app).get('/auth/qr/poll').set('cookie', jar.header());
      expect((pending.body as { status: string }).status).toBe('pending');
      mock.idp.approveDevice(userCode, 'citizen-l2');
      const approved = await request(app).get('/auth/qr/poll').set('cookie', jar.header());
      expect(approved.body).toEqual({ status: 'approved', returnTo: '/account' });
      jar.keep(approved.headers);
      const page = await navigate(app, jar, '/account');
      expect((page.body as { name: string }).name).toBe('Nguyễn Văn An');
    });

    it.each([
      ['no body parser before the router', (_app: Express, _lib: Lib) => undefined],
      [
        'express.urlencoded() and express.json() mounted before the router',
        (app: Express, lib: Lib) => {
          app.use(lib.urlencoded({ extended: false }), lib.json());
        },
      ],
    ])(
      'ends the session when the provider posts a back-channel logout token (%s)',
      async (_name, configure) => {
        const app = bankApp(
          makeExpress,
          { ...options(), sessions: { store: memoryStore() } },
          configure,
        );
        deliverTo = async (delivery) => {
          const answer = await request(app)
            .post(new URL(delivery.url).pathname)
            .set('content-type', delivery.headers.get('content-type') ?? '')
            .send(await delivery.text());
          return new Response(answer.text, { status: answer.status });
        };
        try {
          const jar = new Jar();
          await login(app, jar, 'returnTo=%2F', 'citizen-l2');
          expect((await navigate(app, jar, '/account')).status).toBe(200);
          const session = await app.auth.handlers.getSession(
            new Request(`${APP}/`, { headers: { cookie: jar.header() } }),
          );
          // The citizen logs out at the provider (another tab, the VNeID app): not through us.
          const discovery = (await (
            await fetch(`${mock.issuer}/.well-known/openid-configuration`)
          ).json()) as { end_session_endpoint: string };
          const end = new URL(discovery.end_session_endpoint);
          end.searchParams.set('id_token_hint', session?.tokens?.idToken ?? '');
          const before = mock.idp.logouts.length;
          await fetch(end, { redirect: 'manual' });
          expect(mock.idp.logouts.slice(before).map((d) => d.status)).toEqual([200]);
          const after = await navigate(app, jar, '/account');
          expect(after.status).toBe(302);
        } finally {
          deliverTo = undefined;
        }
      },
    );
  });
}

it('the express 5 and express 4 apps are really different majors', () => {
  const require = createRequire(import.meta.url);
  const version = (name: string) =>
    (require(`${name}/package.json`) as { version: string }).version;
  expect(version('express')).toMatch(/^5\./);
  expect(version('express4')).toMatch(/^4\.(2[1-9]|[3-9]\d)\./);
});
