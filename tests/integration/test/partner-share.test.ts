/**
 * VNeID share transactions (DOMAIN.md dialect 6) end to end: core's share transport and
 * webhook handler against the real mock provider (in process through core's injectable
 * fetch; the webhook over real HTTP to a 127.0.0.1:0 server that calls the handler).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAuthHandlers,
  createRelyingParty,
  isDinhDanhError,
  type MeResponse,
  type QrPollResponse,
  type QrStartResponse,
  type QrLoginHandle,
  type QrLoginStatus,
  type RelyingParty,
} from '@dinhdanh/core';
import {
  memoryShareResultStore,
  shareWebhookHandler,
  vneidPartner,
  withShareTransactions,
  type ShareResultStore,
  type ShareTransactionOptions,
} from '@dinhdanh/core/vneid-partner';
import { createMockIdp, type MockIdp } from '@dinhdanh/mock-idp';
import { exportPKCS8, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP, fetchVia, ISSUER, Jar, REDIRECT, SEAL_SECRET, SECRET } from './support';

const HOOK_SECRET = 'integration-webhook-secret-0123456789-abcdef';
const START = Date.UTC(2026, 10, 23, 9, 0, 0);
const AN_PID = '001085012345'; // built-in synthetic persona citizen-l2
const PURPOSE = 'Mở tài khoản thanh toán';

let privateKeyPem: string;
let server: Server;
let hookUrl: string;
let onHook: (request: Request) => Promise<Response> = () =>
  Promise.resolve(new Response(null, { status: 503 }));
const delivered: number[] = [];

async function toRequest(message: IncomingMessage, url: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers))
    if (typeof value === 'string') headers.set(name, value);
  return new Request(url, {
    method: message.method ?? 'POST',
    headers,
    body: Buffer.concat(chunks),
  });
}

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RSA-OAEP-256', {
    modulusLength: 2048,
    extractable: true,
  });
  privateKeyPem = await exportPKCS8(privateKey);
  server = createServer((req, res) => {
    void (async () => {
      const response = await onHook(await toRequest(req, `${hookUrl}${req.url ?? ''}`));
      delivered.push(response.status);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Harness {
  idp: MockIdp;
  rp: RelyingParty;
  clock: { t: number };
  results: ShareResultStore;
  providerCalls: string[];
}

/** A mock with one vneid-partner client and an RP with share transactions. */
async function harness(
  share: { webhook?: boolean; lifetime?: number } = {},
  options: ShareTransactionOptions = {},
): Promise<Harness> {
  const clock = { t: START };
  const idp = createMockIdp({
    issuer: ISSUER,
    admin: true,
    now: () => clock.t,
    clients: [
      {
        clientId: 'bank-share',
        clientSecret: SECRET,
        name: 'Ngân hàng Chia sẻ',
        redirectUris: [REDIRECT],
        authMethods: ['client_secret_post'],
        dialect: 'vneid-partner',
        partner: { envelope: 'none' },
        share: {
          lifetime: share.lifetime ?? 120,
          ...(share.webhook === true
            ? { webhookUrl: `${hookUrl}/vneid/share`, webhookSecret: HOOK_SECRET }
            : {}),
        },
      },
    ],
  });
  await idp.ready;
  const results = memoryShareResultStore({ now: () => clock.t });
  const providerCalls: string[] = [];
  const via = fetchVia(idp);
  const rp = createRelyingParty({
    issuer: ISSUER,
    clientId: 'bank-share',
    redirectUri: REDIRECT,
    clientAuth: { method: 'client_secret_post', clientSecret: SECRET },
    provider: withShareTransactions(
      vneidPartner({ privateKey: privateKeyPem, envelope: { token: false, userinfo: false } }),
      { results, ...options },
    ),
    fetch: (input, init) => {
      providerCalls.push(new Request(input, init).url);
      return via(input, init);
    },
    now: () => clock.t,
  });
  return { idp, rp, clock, results, providerCalls };
}

async function admin(idp: MockIdp, body: Record<string, string>): Promise<Response> {
  return idp.fetch(
    new Request(`${ISSUER}/__mock/share/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
}

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; text: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isDinhDanhError(error)) throw error;
    return { code: error.code, text: `${error.message} ${JSON.stringify(error)}` };
  }
  throw new Error('expected a DinhDanhError');
}

function approved(status: QrLoginStatus) {
  if (status.status !== 'approved') throw new Error(`expected approved, got ${status.status}`);
  return status.result;
}

describe('share transactions through rp.startQrLogin / rp.pollQrLogin', () => {
  it('start → approve (admin API) → poll: identity, level and consent', async () => {
    const { idp, rp } = await harness();
    const start = await rp.startQrLogin({ level: 2, claims: ['pid', 'name'], purpose: PURPOSE });
    const txnId = start.handle.ref;
    expect(start.handle.transport).toBe('vneid_share');
    expect(start.qrUri).toBe(`${ISSUER}/share/${txnId}`);
    expect(start.expiresAt).toBe(START + 120_000);
    expect(await rp.pollQrLogin(start.handle)).toEqual({ status: 'pending' });

    expect((await admin(idp, { txn_id: txnId, persona: 'citizen-l2' })).status).toBe(200);
    const result = approved(await rp.pollQrLogin(start.handle));
    expect(result.source).toBe('share');
    expect(result.identity.subject).toBe(AN_PID);
    expect(result.identity.level).toBe(2);
    expect(result.identity.attributes.name?.full).toBe('Nguyễn Văn An');
    expect(result.consent.requested).toEqual(['pid', 'name']);
    expect(result.consent.granted).toEqual(expect.arrayContaining(['pid', 'name']));
    expect(result.consent.purpose).toBe(PURPOSE);
    expect(result.consent.at).toBe(new Date(START).toISOString());
    expect(result.tokens).toEqual({ accessToken: '', tokenType: 'none' });
  });

  it('approve through the phone page form (the universal link)', async () => {
    const { idp, rp } = await harness();
    const start = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    const page = await idp.fetch(new Request(start.qrUri));
    expect(await page.text()).toContain(PURPOSE);
    const answer = await idp.fetch(
      new Request(start.qrUri, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ decision: 'approve', persona: 'citizen-l1' }).toString(),
      }),
    );
    expect(answer.status).toBe(200);
    const result = approved(await rp.pollQrLogin(start.handle));
    expect(result.identity.level).toBe(1);
    expect(result.identity.attributes.name?.full).toBe('Trần Thị Bình');
  });

  it('deny → denied', async () => {
    const { idp, rp } = await harness();
    const start = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    await admin(idp, { txn_id: start.handle.ref, decision: 'deny' });
    expect(await rp.pollQrLogin(start.handle)).toEqual({ status: 'denied' });
  });

  it('a level-1 account for a level-2 request is insufficient_level', async () => {
    const { idp, rp } = await harness();
    const start = await rp.startQrLogin({ level: 2, claims: ['name'], purpose: PURPOSE });
    await admin(idp, { txn_id: start.handle.ref, persona: 'citizen-l1' });
    expect((await errorOf(rp.pollQrLogin(start.handle))).code).toBe('insufficient_level');
  });

  it('expiry: the provider says expired while the handle still lives, and the handle expires', async () => {
    const { rp, clock } = await harness({ lifetime: 60 });
    const start = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    expect(start.expiresAt).toBe(START + 60_000);
    // a handle that outlives the provider's transaction: the provider's answer counts
    const longer: QrLoginHandle = { ...start.handle, expiresAt: START + 600_000 };
    clock.t = START + 61_000;
    expect(await rp.pollQrLogin(longer)).toEqual({ status: 'expired' });
    expect(await rp.pollQrLogin(start.handle)).toEqual({ status: 'expired' });
  });

  it('purpose is required: purpose_required, nothing sent to the provider', async () => {
    const { rp, providerCalls } = await harness();
    expect((await errorOf(rp.startQrLogin({ claims: ['name'] }))).code).toBe('purpose_required');
    expect(providerCalls).toEqual([]);
  });

  it('a handle of another transaction of nobody is qr_invalid, without the txnId in the message', async () => {
    const { rp } = await harness();
    const start = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    const forged = { ...start.handle, ref: 'forgedTxnId0123456789' };
    const failure = await errorOf(rp.pollQrLogin(forged));
    expect(failure.code).toBe('qr_invalid');
    expect(failure.text).not.toContain('forgedTxnId0123456789');
    expect(failure.text).not.toContain(SECRET);
  });
});

describe('share results by webhook', () => {
  it('the mock delivers a signed webhook; the next poll answers from the store without the provider', async () => {
    const h = await harness({ webhook: true });
    const errors: string[] = [];
    onHook = shareWebhookHandler({
      secret: HOOK_SECRET,
      results: h.results,
      now: () => h.clock.t,
      onError: (error) => errors.push(`${error.code} ${error.message}`),
    });
    const start = await h.rp.startQrLogin({ level: 2, claims: ['pid', 'name'], purpose: PURPOSE });
    h.clock.t += 5_000;
    const before = delivered.length;
    await admin(h.idp, { txn_id: start.handle.ref, persona: 'citizen-l2' });
    expect(delivered.slice(before)).toEqual([204]);
    const calls = h.providerCalls.length;
    const result = approved(await h.rp.pollQrLogin(start.handle));
    expect(h.providerCalls.length).toBe(calls);
    expect(result.identity.subject).toBe(AN_PID);
    expect(result.consent.at).toBe(new Date(START + 5_000).toISOString());
    expect(errors).toEqual([]);
  });

  it('a denial by webhook → denied from the store', async () => {
    const h = await harness({ webhook: true });
    onHook = shareWebhookHandler({ secret: HOOK_SECRET, results: h.results, now: () => h.clock.t });
    const start = await h.rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    await admin(h.idp, { txn_id: start.handle.ref, decision: 'deny' });
    const calls = h.providerCalls.length;
    expect(await h.rp.pollQrLogin(start.handle)).toEqual({ status: 'denied' });
    expect(h.providerCalls.length).toBe(calls);
  });

  it('a receiver with the wrong secret refuses the delivery (401), and polling still works', async () => {
    const h = await harness({ webhook: true });
    const errors: string[] = [];
    onHook = shareWebhookHandler({
      secret: 'another-integration-secret-0123456789-abcdef',
      results: h.results,
      now: () => h.clock.t,
      onError: (error) => errors.push(`${error.code} ${error.message}`),
    });
    const start = await h.rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    const before = delivered.length;
    await admin(h.idp, { txn_id: start.handle.ref, persona: 'citizen-l2' });
    expect(delivered.slice(before)).toEqual([401]);
    expect(errors.map((e) => e.split(' ')[0])).toEqual(['webhook_signature_invalid']);
    expect(errors.join(' ')).not.toContain(start.handle.ref);
    expect(errors.join(' ')).not.toContain(AN_PID);
    expect(approved(await h.rp.pollQrLogin(start.handle)).identity.subject).toBe(AN_PID);
  });

  it('a delivery replayed to the receiver is refused: webhook_replayed (409)', async () => {
    const h = await harness({ webhook: true });
    onHook = shareWebhookHandler({ secret: HOOK_SECRET, results: h.results, now: () => h.clock.t });
    const start = await h.rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    await admin(h.idp, { txn_id: start.handle.ref, persona: 'citizen-l2' });
    const view = (await (
      await h.idp.fetch(new Request(`${ISSUER}/__mock/share/${start.handle.ref}`))
    ).json()) as { deliveries: { body: string; headers: Record<string, string> }[] };
    const first = view.deliveries[0];
    if (first === undefined) throw new Error('no delivery recorded');
    const replay = await fetch(`${hookUrl}/vneid/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...first.headers },
      body: first.body,
    });
    expect(replay.status).toBe(409);
    expect(await replay.json()).toEqual({ error: 'webhook_replayed' });
  });
});

describe('share transactions through createAuthHandlers (the same QR routes)', () => {
  it('qr/start → approve → qr/poll creates the session', async () => {
    const { idp, rp, clock } = await harness();
    const auth = createAuthHandlers(rp, {
      secrets: SEAL_SECRET,
      // The RP's clock, not the wall clock: a session sealed from a result computed at a
      // fixed START must not look expired once the real day has moved past START + 8 h.
      now: () => clock.t,
      requests: { share: { level: 2, claims: ['name'], purpose: PURPOSE } },
    });
    const jar = new Jar();
    const start = await auth.handle(
      jar.request(`${APP}/auth/qr/start`, {
        method: 'POST',
        headers: { origin: APP, 'content-type': 'application/json' },
        body: JSON.stringify({ request: 'share', returnTo: '/shared' }),
      }),
    );
    expect(start.status).toBe(200);
    jar.apply(start);
    const body = (await start.json()) as QrStartResponse;
    const txnId = new URL(body.qrUri).pathname.split('/').pop() ?? '';
    expect(body.qrUri).toBe(`${ISSUER}/share/${txnId}`);
    expect(JSON.stringify(body)).not.toMatch(/"ref"|txnId/);

    const pending = await auth.handle(jar.request(`${APP}/auth/qr/poll`));
    expect((await pending.json()) as QrPollResponse).toMatchObject({ status: 'pending' });
    await admin(idp, { txn_id: txnId, persona: 'citizen-l2' });
    const done = await auth.handle(jar.request(`${APP}/auth/qr/poll`));
    expect((await done.json()) as QrPollResponse).toEqual({
      status: 'approved',
      returnTo: '/shared',
    });
    jar.apply(done);
    const me = (await (await auth.handle(jar.request(`${APP}/auth/me`))).json()) as MeResponse;
    expect(me.status).toBe('authenticated');
  });
});
