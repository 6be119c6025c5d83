/**
 * VNeID share transactions (DOMAIN.md dialect 6) across two Express instances on one real
 * redis-server (node-redis and ioredis): the provider's signed webhook reaches instance A,
 * the citizen's browser polls instance B, and B's poll completes from the result A stored
 * (`redisShareResultStore`) without asking the provider. The approval is single use across
 * instances (`redisReplayCache`): the same QR cookie polled again on A or B is refused.
 */
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import request from 'supertest';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisReplayCache, redisStore, type RedisLikeClient } from '@dinhdanh/core';
import { toNodeHandler } from '@dinhdanh/core/node';
import {
  redisShareResultStore,
  shareWebhookHandler,
  vneidPartner,
  withShareTransactions,
} from '@dinhdanh/core/vneid-partner';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import {
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '../../core/test/sessions/redis-server';
import {
  APP,
  bankApp,
  CLIENT_SECRET,
  EXPRESSES,
  Jar,
  mockClient,
  navigate,
  relyingParty,
  SEAL_SECRET,
} from './support';

const skipReason = redisUnavailableReason();
const makeExpress = EXPRESSES[0][1];
const HOOK_SECRET = 'express-share-webhook-secret-0123456789-abcdef';
const HOOK_PATH = '/vneid/share';
const PURPOSE = 'Mở tài khoản thanh toán';
const SESSION_COOKIE = /^(__Host-)?dinhdanh\.session=[^;]/;

type Client = RedisLikeClient & Parameters<typeof redisReplayCache>[0];

/** One clock for the provider, both instances and their webhook receivers; moved by the tests. */
const clock = { t: Date.now() };
const now = () => clock.t;

let mock: RunningMockIdp;
let redis: RedisServer;
let privateKey: string;
/** The instance the load balancer sends the provider's webhook to. */
let deliverTo: ((request: Request) => Promise<Response>) | undefined;
/** Every URL an instance's relying party fetched from the provider. */
const providerCalls: string[] = [];

beforeAll(async () => {
  const keys = await generateKeyPair('RSA-OAEP-256', { modulusLength: 2048, extractable: true });
  privateKey = await exportPKCS8(keys.privateKey);
  mock = await startMockIdp({
    port: 0,
    admin: true,
    now,
    clients: [
      mockClient('rp-share', {
        dialect: 'vneid-partner',
        authMethods: ['client_secret_post'],
        partner: { envelope: 'none' },
        share: { lifetime: 120, webhookUrl: `${APP}${HOOK_PATH}`, webhookSecret: HOOK_SECRET },
      }),
    ],
    fetch: (delivery) =>
      deliverTo === undefined
        ? Promise.resolve(new Response(null, { status: 503 }))
        : deliverTo(delivery),
  });
  if (skipReason === undefined) redis = await startRedisServer();
});
afterAll(async () => {
  await mock?.close();
  await redis?.stop();
});

/** One instance: its relying party, Express app and webhook route, all state in the shared Redis. */
function instance(client: Client) {
  const results = redisShareResultStore(client);
  const replayCache = redisReplayCache(client);
  const rp = relyingParty(mock.issuer, 'rp-share', {
    clientAuth: { method: 'client_secret_post', clientSecret: CLIENT_SECRET },
    replayCache,
    now,
    provider: withShareTransactions(
      vneidPartner({ privateKey, envelope: { token: false, userinfo: false } }),
      { results },
    ),
    fetch: (input, init) => {
      providerCalls.push(new Request(input, init).url);
      return fetch(input, init);
    },
  });
  const webhook = shareWebhookHandler({ secret: HOOK_SECRET, results, replayCache, now });
  return bankApp(
    makeExpress,
    {
      rp,
      now,
      secrets: SEAL_SECRET,
      sessions: { store: redisStore(client) },
      requests: { share: { level: 2, claims: ['name'], purpose: PURPOSE } },
    },
    (app) => {
      app.post(HOOK_PATH, toNodeHandler(webhook, { origin: APP }));
    },
  );
}

type App = ReturnType<typeof instance>;

/** Posts what the provider delivers to an instance, as the load balancer would. */
function deliverer(app: App) {
  return async (delivery: Request) => {
    const post = request(app).post(new URL(delivery.url).pathname);
    for (const [name, value] of delivery.headers) post.set(name, value);
    const answer = await post.send(await delivery.text());
    return new Response(answer.text || null, { status: answer.status });
  };
}

/** The provider's answer on the citizen's phone (the mock's admin approval). */
async function approveOnPhone(txnId: string): Promise<void> {
  const answer = await fetch(`${mock.issuer}/__mock/share/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ txn_id: txnId, persona: 'citizen-l2' }),
  });
  expect(answer.status).toBe(200);
}

/** The webhook deliveries the provider recorded for a transaction (their HTTP statuses). */
async function deliveries(txnId: string): Promise<number[]> {
  const view = (await (await fetch(`${mock.issuer}/__mock/share/${txnId}`)).json()) as {
    deliveries: { status: number }[];
  };
  return view.deliveries.map((d) => d.status);
}

/** Starts a share login on an instance; the jar keeps the QR cookie. Returns the txnId. */
async function startShare(app: App, jar: Jar): Promise<string> {
  const start = await request(app)
    .post('/auth/qr/start')
    .set('origin', APP)
    .set('content-type', 'application/json')
    .send({ request: 'share', returnTo: '/account' });
  expect(start.status).toBe(200);
  jar.keep(start.headers);
  const { qrUri } = start.body as { qrUri: string };
  expect(qrUri.startsWith(`${mock.issuer}/share/`)).toBe(true);
  return new URL(qrUri).pathname.split('/').pop() ?? '';
}

/** Whether a response sets the session cookie. */
function setsSession(response: request.Response): boolean {
  const lines = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return lines.some((line) => SESSION_COOKIE.test(line));
}

function poll(app: App, cookie: string) {
  return request(app).get('/auth/qr/poll').set('cookie', cookie);
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

describe.skipIf(skipReason !== undefined)('share webhook across two instances, one Redis', () => {
  for (const [kind, connect] of clientKinds) {
    describe(kind, () => {
      let a: App;
      let b: App;
      let clients: Client[];
      beforeAll(async () => {
        clients = [await connect(redis.url), await connect(redis.url)];
        a = instance(clients[0]!);
        b = instance(clients[1]!);
      });
      afterAll(() => {
        deliverTo = undefined;
        for (const client of clients) {
          const closable = client as unknown as { destroy?: () => void; disconnect?: () => void };
          if (typeof closable.destroy === 'function') closable.destroy();
          else closable.disconnect?.();
        }
      });

      it('a webhook received by A completes the poll on B, without B asking the provider', async () => {
        const jar = new Jar();
        const txnId = await startShare(b, jar);
        expect((await poll(b, jar.header())).body).toMatchObject({ status: 'pending' });

        deliverTo = deliverer(a);
        clock.t += 5_000;
        await approveOnPhone(txnId);
        expect(await deliveries(txnId)).toEqual([204]);

        const calls = providerCalls.length;
        const done = await poll(b, jar.header());
        expect(done.body).toEqual({ status: 'approved', returnTo: '/account' });
        // B answered from the result A stored: no status request to the provider.
        expect(providerCalls.slice(calls)).toEqual([]);
        jar.keep(done.headers);
        const page = await navigate(b, jar, '/account');
        expect(page.body).toEqual({ name: 'Nguyễn Văn An', level: 2 });
        // The session lives in Redis: A serves it too.
        expect((await navigate(a, jar, '/account')).status).toBe(200);
      });

      it('an approved share polled from two tabs at once, on A and B: exactly one session', async () => {
        const jar = new Jar();
        const txnId = await startShare(a, jar);
        deliverTo = deliverer(a);
        await approveOnPhone(txnId);
        const polls = await Promise.all([a, b, a, b].map((app) => poll(app, jar.header())));
        expect(polls.filter(setsSession)).toHaveLength(1);
        for (const other of polls.filter((p) => !setsSession(p))) {
          // Held while the winner polled (pending), or refused once it had (qr_invalid).
          const body = other.body as { status?: string; error?: { code: string } };
          expect(['pending', 'qr_invalid']).toContain(body.status ?? body.error?.code);
        }
      });

      it('the approval is single use across instances: the QR cookie polled again on A or B is refused', async () => {
        const jar = new Jar();
        const txnId = await startShare(a, jar);
        const qrCookie = jar.header();
        deliverTo = deliverer(a);
        await approveOnPhone(txnId);
        expect(await deliveries(txnId)).toEqual([204]);

        const first = await poll(b, qrCookie);
        expect(first.body).toEqual({ status: 'approved', returnTo: '/account' });
        expect(setsSession(first)).toBe(true);
        // The result is gone from Redis; the provider still says approved, and the shared
        // single-use mark refuses a second session on either instance.
        for (const app of [a, b]) {
          const again = await poll(app, qrCookie);
          expect(again.status).toBe(400);
          expect((again.body as { error: { code: string } }).error.code).toBe('qr_invalid');
          expect(setsSession(again)).toBe(false);
        }
      });
    });
  }
});
