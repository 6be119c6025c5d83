/**
 * Races across two instances of one app sharing one real redis-server (sessions, replay
 * marks): a QR poll from two tabs, two logins racing in one browser, a logout racing a
 * request. Of two racing polls exactly one gets the session; a browser never ends up with
 * someone else's identity; a logged-out session never comes back.
 */
import { Redis } from 'ioredis';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  redisReplayCache,
  redisStore,
  type RedisLikeClient,
  type SessionStorage,
} from '@dinhdanh/core';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import {
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '../../../core/test/sessions/redis-server';
import {
  APP,
  appPath,
  bankApp,
  EXPRESSES,
  Jar,
  login,
  mockClient,
  navigate,
  relyingParty,
  SEAL_SECRET,
} from '../support';

const skipReason = redisUnavailableReason();
type Client = RedisLikeClient & Parameters<typeof redisReplayCache>[0];

let mock: RunningMockIdp;
let redis: RedisServer;
const clients: Redis[] = [];

beforeAll(async () => {
  mock = await startMockIdp({ port: 0, autoApprove: true, clients: [mockClient('rp-race')] });
  if (skipReason === undefined) redis = await startRedisServer();
});
afterAll(async () => {
  for (const client of clients) client.disconnect();
  await mock.close();
  await redis?.stop();
});

/** One instance: its own relying party, Redis connection and Express app. */
async function instance(storage: SessionStorage) {
  const client = new Redis(redis.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  clients.push(client);
  const shared = client as unknown as Client;
  return bankApp(EXPRESSES[0][1], {
    rp: relyingParty(mock.issuer, 'rp-race', { replayCache: redisReplayCache(shared) }),
    secrets: SEAL_SECRET,
    sessions: { storage, store: redisStore(shared) },
    requests: { default: { claims: ['name'] } },
  });
}

type App = Awaited<ReturnType<typeof instance>>;

const setsSession = (response: request.Response) =>
  ((response.headers['set-cookie'] as string[] | undefined) ?? []).some((line) =>
    line.includes('dinhdanh.session='),
  );

const whoami = async (app: App, jar: Jar) => {
  const page = await request(app).get('/').set('cookie', jar.header());
  return (page.body as { who: string | null }).who;
};

describe.skipIf(skipReason !== undefined)('races across two instances, one Redis', () => {
  for (const storage of ['store', 'cookie'] as const) {
    describe(`${storage} sessions`, () => {
      let a: App;
      let b: App;
      beforeAll(async () => {
        [a, b] = [await instance(storage), await instance(storage)];
      });

      it('a QR poll raced from two tabs (A and B): exactly one gets the session', async () => {
        for (let round = 0; round < 4; round += 1) {
          const jar = new Jar();
          const start = await request(a)
            .post('/auth/qr/start')
            .set('origin', APP)
            .set('content-type', 'application/json')
            .send({ returnTo: '/account' });
          expect(start.status).toBe(200);
          jar.keep(start.headers);
          mock.idp.approveDevice((start.body as { userCode: string }).userCode, 'citizen-l2');
          const polls = await Promise.all(
            [a, b, a, b].map((app) =>
              request(app).get('/auth/qr/poll').set('cookie', jar.header()),
            ),
          );
          const outcomes = polls.map((poll) =>
            setsSession(poll) ? 'session' : ((poll.body as { status?: string }).status ?? 'error'),
          );
          expect(
            outcomes.filter((o) => o === 'session'),
            outcomes.join(),
          ).toHaveLength(1);
          expect(outcomes.filter((o) => o !== 'session')).toEqual([
            'pending',
            'pending',
            'pending',
          ]);
          for (const poll of polls) jar.keep(poll.headers);
          expect(await whoami(b, jar)).toBe('Nguyễn Văn An');
        }
      });

      it('two logins racing for one browser: it ends with one identity, and logout ends it', async () => {
        for (let round = 0; round < 3; round += 1) {
          const jar = new Jar();
          // Two tabs start logins as two people (a shared computer); the callbacks race.
          const starts: string[] = [];
          for (const persona of ['citizen-l2', 'citizen-l1']) {
            const start = await navigate(a, jar, `/auth/login?login_hint=${persona}`);
            expect(start.status).toBe(302);
            starts.push(String(start.headers.location));
          }
          const backs = await Promise.all(
            starts.map(async (url) => {
              const atProvider = await fetch(url, { redirect: 'manual' });
              return appPath(atProvider.headers.get('location') ?? undefined);
            }),
          );
          const callbacks = await Promise.all(
            backs.map((path, i) =>
              request(i === 0 ? a : b)
                .get(path)
                .set('accept', 'text/html')
                .set('cookie', jar.header()),
            ),
          );
          expect(callbacks.map((c) => c.status)).toEqual([302, 302]);
          for (const callback of callbacks) jar.keep(callback.headers);
          const seen = [await whoami(a, jar), await whoami(b, jar)];
          expect(['Nguyễn Văn An', 'Trần Thị Bình']).toContain(seen[0]);
          expect(seen[1]).toBe(seen[0]);
          const logout = await request(b)
            .post('/auth/logout')
            .set('origin', APP)
            .set('cookie', jar.header());
          expect(logout.status).toBe(303);
          const after = new Jar();
          for (const [name, value] of jar.cookies) after.cookies.set(name, value);
          jar.keep(logout.headers);
          expect([await whoami(a, after), await whoami(b, after)]).toEqual([null, null]);
        }
      });

      it('a logout racing requests: the racing reads see the user or nobody, never after', async () => {
        for (let round = 0; round < 3; round += 1) {
          const jar = new Jar();
          await login(a, jar, 'returnTo=%2F', 'foreigner-l1');
          const logout = request(a)
            .post('/auth/logout')
            .set('origin', APP)
            .set('cookie', jar.header());
          const reads = [a, b, a, b, a, b].map((app) =>
            request(app)
              .get('/account')
              .set('accept', 'application/json')
              .set('cookie', jar.header()),
          );
          const [ended, ...answers] = await Promise.all([logout, ...reads]);
          expect(ended.status).toBe(303);
          for (const answer of answers) {
            expect([200, 401]).toContain(answer.status);
            if (answer.status === 200)
              expect((answer.body as { name: string }).name).toBe('John Smith');
          }
          // Nothing the racing reads did brought the session back, on either instance.
          for (const app of [a, b]) {
            const late = await request(app)
              .get('/account')
              .set('accept', 'application/json')
              .set('cookie', jar.header());
            expect(late.status).toBe(401);
          }
        }
      });
    });
  }
});
