/**
 * Two instances of one Express app behind a load balancer, sharing one real redis-server
 * (through node-redis and through ioredis): sessions, logout, back-channel logout and
 * logout-token replay protection hold across instances; Redis down answers 503 and recovers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
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
} from '../../core/test/sessions/redis-server';
import {
  APP,
  bankApp,
  EXPRESSES,
  Jar,
  login,
  mockClient,
  navigate,
  relyingParty,
  SEAL_SECRET,
} from './support';

const skipReason = redisUnavailableReason();
const makeExpress = EXPRESSES[0][1];

type Client = RedisLikeClient & Parameters<typeof redisReplayCache>[0];

let mock: RunningMockIdp;
let redis: RedisServer;
let deliverTo: ((request: Request) => Promise<Response>) | undefined;
/** The ID token of the last login on any instance (the provider's logout needs it as a hint). */
let lastIdToken: string | undefined;

beforeAll(async () => {
  mock = await startMockIdp({
    port: 0,
    autoApprove: true,
    clients: [mockClient('rp-cluster', { backchannelLogoutUri: `${APP}/auth/backchannel-logout` })],
    fetch: (delivery) =>
      deliverTo === undefined
        ? Promise.resolve(new Response(null, { status: 503 }))
        : deliverTo(delivery),
  });
  if (skipReason === undefined) redis = await startRedisServer();
});
afterAll(async () => {
  await mock.close();
  await redis?.stop();
});

/** One instance: its own relying party and Express app, state in the shared Redis. */
function instance(client: Client, storage: SessionStorage) {
  return bankApp(makeExpress, {
    rp: relyingParty(mock.issuer, 'rp-cluster', { replayCache: redisReplayCache(client) }),
    secrets: SEAL_SECRET,
    sessions: { storage, store: redisStore(client) },
    requests: { default: { claims: ['name'] } },
    onLogin: (result) => {
      lastIdToken = result.tokens.idToken;
    },
  });
}

/** Posts what the provider delivers to an instance, as the load balancer would. */
function deliverer(app: ReturnType<typeof instance>) {
  return async (delivery: Request) => {
    const answer = await request(app)
      .post(new URL(delivery.url).pathname)
      .set('content-type', delivery.headers.get('content-type') ?? '')
      .send(await delivery.text());
    return new Response(answer.text, { status: answer.status });
  };
}

async function logoutAtProvider(idToken: string): Promise<void> {
  const discovery = (await (
    await fetch(`${mock.issuer}/.well-known/openid-configuration`)
  ).json()) as {
    end_session_endpoint: string;
  };
  const end = new URL(discovery.end_session_endpoint);
  end.searchParams.set('id_token_hint', idToken);
  await fetch(end, { redirect: 'manual' });
}

const clientKinds = [
  [
    'node-redis',
    async (url: string) => (await createClient({ url }).connect()) as unknown as Client,
  ],
  [
    'ioredis',
    async (url: string) => {
      const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await client.connect();
      return client as unknown as Client;
    },
  ],
] as const;

describe.skipIf(skipReason !== undefined)('two instances, one Redis', () => {
  for (const [kind, connect] of clientKinds) {
    for (const storage of ['store', 'cookie'] as const) {
      describe(`${kind}, ${storage} sessions`, () => {
        let a: ReturnType<typeof instance>;
        let b: ReturnType<typeof instance>;
        let clients: Client[];
        beforeAll(async () => {
          clients = [await connect(redis.url), await connect(redis.url)];
          a = instance(clients[0]!, storage);
          b = instance(clients[1]!, storage);
        });
        afterAll(() => {
          for (const client of clients) {
            const closable = client as unknown as { destroy?: () => void; disconnect?: () => void };
            if (typeof closable.destroy === 'function') closable.destroy();
            else closable.disconnect?.();
          }
        });

        it('a session made on A works on B; logout on A ends it on B', async () => {
          const jar = new Jar();
          await login(a, jar, 'returnTo=%2F', 'citizen-l2');
          const copy = jar.header();
          expect((await navigate(b, jar, '/account')).status).toBe(200);
          const logout = await request(a)
            .post('/auth/logout')
            .set('origin', APP)
            .set('cookie', copy);
          expect(logout.status).toBe(303);
          // Even the cookie as it was before logout is no session on B.
          const after = await request(b)
            .get('/account')
            .set('cookie', copy)
            .set('accept', 'application/json');
          expect(after.status).toBe(401);
        });

        it('a back-channel logout received by B ends the session on A; its replay to A is refused', async () => {
          const jar = new Jar();
          await login(a, jar, 'returnTo=%2F', 'citizen-l2');
          expect((await navigate(a, jar, '/account')).status).toBe(200);
          deliverTo = deliverer(b);
          try {
            const before = mock.idp.logouts.length;
            // The citizen logs out at the provider; it posts the logout token to B.
            await logoutAtProvider(lastIdToken ?? '');
            const deliveries = mock.idp.logouts.slice(before);
            expect(deliveries.map((d) => d.status)).toEqual([200]);
            expect((await navigate(a, jar, '/account')).status).toBe(302);
            const replay = await request(a)
              .post('/auth/backchannel-logout')
              .set('content-type', 'application/x-www-form-urlencoded')
              .send(
                new URLSearchParams({ logout_token: deliveries[0]?.logoutToken ?? '' }).toString(),
              );
            expect(replay.status).toBe(400);
          } finally {
            deliverTo = undefined;
          }
        });
      });
    }
  }
});

/** A redis-server on a port of our choosing, so it can be stopped and started again there. */
function redisOn(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 5000;
    const probe = () => {
      const client = new Redis(port, '127.0.0.1', {
        lazyConnect: true,
        retryStrategy: () => null,
        maxRetriesPerRequest: 0,
      });
      client.on('error', () => undefined);
      client
        .connect()
        .then(() => {
          client.disconnect();
          resolve(child);
        })
        .catch(() => {
          client.disconnect();
          if (Date.now() > deadline) reject(new Error('redis-server did not start'));
          else setTimeout(probe, 50);
        });
    };
    probe();
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(skipReason !== undefined)('Redis down', () => {
  const failFast = [
    [
      'node-redis',
      async (port: number) =>
        (await createClient({
          url: `redis://127.0.0.1:${String(port)}`,
          disableOfflineQueue: true,
          socket: { reconnectStrategy: () => 50 },
        })
          .on('error', () => undefined)
          .connect()) as unknown as Client,
    ],
    [
      'ioredis',
      async (port: number) => {
        const client = new Redis(port, '127.0.0.1', {
          lazyConnect: true,
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          retryStrategy: () => 50,
        });
        client.on('error', () => undefined);
        await client.connect();
        return client as unknown as Client;
      },
    ],
  ] as const;

  it.each(failFast)(
    '%s: protected routes answer 503 (never 500, never through) and recover on their own',
    async (_kind, connect) => {
      const port = redis.port + 1 + Math.floor(Math.random() * 1000);
      let server = await redisOn(port);
      const client = await connect(port);
      try {
        const app = instance(client, 'cookie');
        const jar = new Jar();
        await login(app, jar, 'returnTo=%2F', 'citizen-l2');
        expect((await navigate(app, jar, '/account')).status).toBe(200);

        await stop(server);
        const down = await request(app)
          .get('/account')
          .set('cookie', jar.header())
          .set('accept', 'application/json');
        expect(down.status).toBe(503);
        expect((down.body as { error: { code: string } }).error.code).toBe('store_unavailable');
        const page = await navigate(app, jar, '/transfer');
        expect(page.status).toBe(503);
        expect(page.headers['content-type']).toMatch(/text\/html/);

        server = await redisOn(port);
        let status = 0;
        for (let attempt = 0; attempt < 40 && status !== 200; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          status = (await navigate(app, jar, '/account')).status;
        }
        expect(status).toBe(200);
      } finally {
        const closable = client as unknown as { destroy?: () => void; disconnect?: () => void };
        if (typeof closable.destroy === 'function') closable.destroy();
        else closable.disconnect?.();
        await stop(server);
      }
    },
  );
});
