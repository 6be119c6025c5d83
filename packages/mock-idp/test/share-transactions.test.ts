/**
 * Share transactions (DOMAIN.md dialect 6): start → phone page → approve or deny (form or
 * admin API) → signed webhook verified with core's verifyWebhook → poll; expiry; auth.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryReplayCache, verifyWebhook } from '@dinhdanh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockIdp, type MockClientInput, type MockIdp } from '../src/index';

const ISSUER = 'http://127.0.0.1:9400';
const SECRET = 'bank-secret-0123456789-0123456789-abcdef';
const HOOK_SECRET = 'webhook-secret-0123456789-0123456789-xyz';
const HOOK_URL = 'http://127.0.0.1:3000/vneid/webhook';
const START = Date.UTC(2026, 10, 23, 12, 0, 0);

interface Harness {
  idp: MockIdp;
  received: Request[];
  clock: { t: number };
}

function harness(overrides: Partial<MockClientInput> = {}, webhookUrl = HOOK_URL): Harness {
  const received: Request[] = [];
  const clock = { t: START };
  const idp = createMockIdp({
    issuer: ISSUER,
    admin: true,
    now: () => clock.t,
    fetch: (request) => {
      received.push(request);
      return Promise.resolve(new Response(null, { status: 204 }));
    },
    clients: [
      {
        clientId: 'bank',
        clientSecret: SECRET,
        name: 'Ngân hàng Thử nghiệm',
        redirectUris: ['http://127.0.0.1:3000/cb'],
        share: { webhookUrl, webhookSecret: HOOK_SECRET, lifetime: 120 },
        ...overrides,
      },
      {
        clientId: 'other',
        clientSecret: `${SECRET}-other`,
        redirectUris: ['http://127.0.0.1:3001/cb'],
      },
    ],
  });
  return { idp, received, clock };
}

function form(params: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  };
}

interface Started {
  txnId: string;
  link: string;
  qr: string;
  expiresAt: string;
  expiresIn: number;
}

async function start(idp: MockIdp, extra: Record<string, string> = {}): Promise<Started> {
  const res = await idp.fetch(
    new Request(
      `${ISSUER}/share`,
      form({
        client_id: 'bank',
        client_secret: SECRET,
        attributes: 'pid name birthdate healthInsurance',
        purpose: 'Mở tài khoản thanh toán',
        ...extra,
      }),
    ),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as Started;
}

async function poll(idp: MockIdp, txnId: string, secret = SECRET): Promise<Response> {
  return idp.fetch(
    new Request(`${ISSUER}/share/${txnId}/status`, {
      headers: { authorization: `Basic ${btoa(`bank:${secret}`)}` },
    }),
  );
}

function verify(request: Request, clock: { t: number }) {
  return verifyWebhook(request, {
    secret: HOOK_SECRET,
    replayCache: memoryReplayCache(),
    now: () => clock.t,
  });
}

describe('share transactions', () => {
  it('start gives a txnId, a link under the issuer, the same link as QR payload, and expiry', async () => {
    const { idp } = harness();
    const started = await start(idp);
    expect(started.txnId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(started.link).toBe(`${ISSUER}/share/${started.txnId}`);
    expect(started.qr).toBe(started.link);
    expect(started.expiresAt).toBe(new Date(START + 120_000).toISOString());
    expect(started.expiresIn).toBe(120);
    const res = await poll(idp, started.txnId);
    expect(((await res.json()) as { status: string }).status).toBe('pending');
  });

  it('the phone page shows client, purpose and attributes in Vietnamese, English with ui_locales=en', async () => {
    const { idp } = harness();
    const { link } = await start(idp);
    const vi = await idp.fetch(new Request(link));
    expect(vi.status).toBe(200);
    expect(vi.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await vi.text();
    expect(page).toContain('lang="vi"');
    expect(page).toContain('data-page="share"');
    expect(page).toContain('Ngân hàng Thử nghiệm');
    expect(page).toContain('Mở tài khoản thanh toán');
    expect(page).toContain('Số định danh cá nhân');
    expect(page).toContain('Thẻ bảo hiểm y tế');
    expect(page).toContain('data-testid="share-attribute-healthInsurance"');
    expect(page).toContain('data-testid="persona-citizen-l2"');
    expect(page).toMatch(/<label[^>]*for="persona-citizen-l2"/);
    expect(page).toContain('data-testid="approve"');
    expect(page).toContain(`action="${link}"`);
    const en = await (await idp.fetch(new Request(`${link}?ui_locales=en`))).text();
    expect(en).toContain('lang="en"');
    expect(en).toContain('Personal ID number');
    expect(en).toContain('Health insurance card');
  });

  it('approve by form post: signed webhook with the shared data, then poll shows it', async () => {
    const { idp, received, clock } = harness();
    const { txnId, link } = await start(idp);
    clock.t += 30_000;
    const res = await idp.fetch(
      new Request(link, form({ persona: 'citizen-l2', decision: 'approve', ui_locales: 'vi' })),
    );
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('data-testid="share-result" data-state="approved"');

    expect(received).toHaveLength(1);
    const hook = received[0]!;
    expect(hook.url).toBe(HOOK_URL);
    expect(hook.method).toBe('POST');
    const payload = await verify(hook, clock);
    const persona = idp.personas.find((p) => p.id === 'citizen-l2')!;
    expect(payload).toMatchObject({ txnId, status: 'approved', serviceCode: 'share-info' });
    const data = payload.data as Record<string, unknown>;
    expect(data.vn_pid).toBe(persona.attributes.pid);
    expect(data.name).toBe(persona.attributes.name?.full);

    const polled = (await (await poll(idp, txnId)).json()) as Record<string, unknown>;
    expect(polled.status).toBe('approved');
    expect(polled.data).toEqual(data);
    expect(polled.answeredAt).toBe(new Date(START + 30_000).toISOString());
    // answered once: the page now shows the outcome, a second answer is refused
    const again = await (await idp.fetch(new Request(link))).text();
    expect(again).toContain('data-state="approved"');
  });

  it('a tampered webhook, or one checked with another secret, is refused by verifyWebhook', async () => {
    const { idp, received, clock } = harness();
    const { link } = await start(idp);
    await idp.fetch(new Request(link, form({ persona: 'citizen-l2', decision: 'approve' })));
    const hook = received[0]!;
    const body = await hook.clone().text();
    const tampered = new Request(hook.url, {
      method: 'POST',
      headers: hook.headers,
      body: body.replace('approved', 'denied'),
    });
    await expect(verify(tampered, clock)).rejects.toMatchObject({
      code: 'webhook_signature_invalid',
    });
    await expect(
      verifyWebhook(hook, {
        secret: `${HOOK_SECRET}-wrong`,
        replayCache: memoryReplayCache(),
        now: () => clock.t,
      }),
    ).rejects.toMatchObject({ code: 'webhook_signature_invalid' });
  });

  it('deny by form post: webhook and poll say denied, without data', async () => {
    const { idp, received, clock } = harness();
    const { txnId, link } = await start(idp);
    const res = await idp.fetch(new Request(link, form({ decision: 'deny' })));
    expect(await res.text()).toContain('data-state="denied"');
    const payload = await verify(received[0]!, clock);
    expect(payload).toMatchObject({ txnId, status: 'denied' });
    expect(payload.data).toBeUndefined();
    const polled = (await (await poll(idp, txnId)).json()) as Record<string, unknown>;
    expect(polled.status).toBe('denied');
  });

  it('approve without choosing a persona shows the form again with an error', async () => {
    const { idp, received } = harness();
    const { link } = await start(idp);
    const res = await idp.fetch(new Request(link, form({ decision: 'approve' })));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('data-testid="form-error"');
    expect(received).toHaveLength(0);
  });

  it('headless approval and denial through the admin API', async () => {
    const { idp, received, clock } = harness();
    const a = await start(idp);
    const approved = await idp.fetch(
      new Request(`${ISSUER}/__mock/share/approve`, {
        method: 'POST',
        body: JSON.stringify({ txn_id: a.txnId, persona: 'citizen-l1' }),
      }),
    );
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as { status: string }).status).toBe('approved');
    expect((await verify(received[0]!, clock)).status).toBe('approved');

    const b = await start(idp);
    const denied = await idp.fetch(
      new Request(`${ISSUER}/__mock/share/approve`, {
        method: 'POST',
        body: JSON.stringify({ txn_id: b.txnId, decision: 'deny' }),
      }),
    );
    expect(((await denied.json()) as { status: string }).status).toBe('denied');
    const list = (await (await idp.fetch(new Request(`${ISSUER}/__mock/share`))).json()) as {
      transactions: { txnId: string; deliveries: { status: number }[] }[];
    };
    expect(list.transactions.map((t) => t.deliveries[0]?.status)).toEqual([204, 204]);
    const twice = await idp.fetch(
      new Request(`${ISSUER}/__mock/share/approve`, {
        method: 'POST',
        body: JSON.stringify({ txn_id: a.txnId, persona: 'citizen-l1' }),
      }),
    );
    expect(twice.status).toBe(400);
  });

  it('a transaction for a named citizen: only that citizen may approve; admin defaults to them', async () => {
    const { idp } = harness();
    const l2 = idp.personas.find((p) => p.id === 'citizen-l2')!;
    const { txnId, link } = await start(idp, { citizen_pid: l2.attributes.pid! });
    const page = await (await idp.fetch(new Request(link))).text();
    expect(page).toContain('data-testid="persona-citizen-l2"');
    expect(page).not.toContain('data-testid="persona-citizen-l1"');
    expect(page).not.toContain(l2.attributes.pid!);
    const wrong = await idp.fetch(
      new Request(link, form({ persona: 'citizen-l1', decision: 'approve' })),
    );
    expect(wrong.status).toBe(400);
    const admin = await idp.fetch(
      new Request(`${ISSUER}/__mock/share/approve`, {
        method: 'POST',
        body: JSON.stringify({ txn_id: txnId }),
      }),
    );
    expect(((await admin.json()) as { status: string }).status).toBe('approved');
  });

  it('expires: poll says expired, the page says so, approval is refused, no webhook', async () => {
    const { idp, received, clock } = harness();
    const { txnId, link } = await start(idp);
    clock.t += 120_000;
    const polled = (await (await poll(idp, txnId)).json()) as { status: string };
    expect(polled.status).toBe('expired');
    expect(await (await idp.fetch(new Request(link))).text()).toContain('data-state="expired"');
    const late = await idp.fetch(
      new Request(link, form({ persona: 'citizen-l2', decision: 'approve' })),
    );
    expect(await late.text()).toContain('data-state="expired"');
    const admin = await idp.fetch(
      new Request(`${ISSUER}/__mock/share/approve`, {
        method: 'POST',
        body: JSON.stringify({ txn_id: txnId, persona: 'citizen-l2' }),
      }),
    );
    expect(admin.status).toBe(400);
    expect(received).toHaveLength(0);
  });

  it('refuses a wrong client secret, another client, and a secret in the query', async () => {
    const { idp } = harness();
    const bad = await idp.fetch(
      new Request(
        `${ISSUER}/share`,
        form({ client_id: 'bank', client_secret: `${SECRET}x`, attributes: 'pid', purpose: 'x' }),
      ),
    );
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: string }).error).toBe('invalid_client');
    const { txnId } = await start(idp);
    const wrongPoll = await poll(idp, txnId, `${SECRET}x`);
    expect(wrongPoll.status).toBe(401);
    const other = await idp.fetch(
      new Request(`${ISSUER}/share/${txnId}/status`, {
        headers: { authorization: `Basic ${btoa(`other:${SECRET}-other`)}` },
      }),
    );
    expect(other.status).toBe(404);
    const query = await idp.fetch(
      new Request(`${ISSUER}/share/${txnId}/status?client_id=bank&client_secret=${SECRET}`),
    );
    expect(query.status).toBe(401);
  });

  it('refuses bad input with invalid_request', async () => {
    const { idp } = harness();
    for (const params of [
      { attributes: 'pid shoeSize', purpose: 'x' },
      { attributes: '', purpose: 'x' },
      { attributes: 'pid' },
      { attributes: 'pid', purpose: 'x', citizen_pid: '999000000000' },
      { attributes: 'pid', purpose: 'x', service_code: 'a b' },
    ]) {
      const res = await idp.fetch(
        new Request(
          `${ISSUER}/share`,
          form({ client_id: 'bank', client_secret: SECRET, ...params }),
        ),
      );
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    }
    expect((await idp.fetch(new Request(`${ISSUER}/share/nope`))).status).toBe(404);
    expect((await idp.fetch(new Request(`${ISSUER}/share`))).status).toBe(405);
  });

  it('reset forgets transactions', async () => {
    const { idp } = harness();
    const { txnId } = await start(idp);
    idp.reset();
    expect((await poll(idp, txnId)).status).toBe(404);
  });

  it('a vneid-partner client polls with client_secret_post and gets camelCase data', async () => {
    const { idp, received, clock } = harness({
      dialect: 'vneid-partner',
      partner: { envelope: 'none' },
    });
    const { txnId, link } = await start(idp);
    await idp.fetch(new Request(link, form({ persona: 'citizen-l2', decision: 'approve' })));
    const res = await idp.fetch(
      new Request(
        `${ISSUER}/share/${txnId}/status`,
        form({ client_id: 'bank', client_secret: SECRET }),
      ),
    );
    expect(res.status).toBe(200);
    const polled = (await res.json()) as { data: Record<string, unknown> };
    expect(polled.data.citizenPid).toBe(
      idp.personas.find((p) => p.id === 'citizen-l2')!.attributes.pid,
    );
    expect(polled.data.accountLevel).toBe(2);
    expect(
      ((await verify(received[0]!, clock)).data as Record<string, unknown>).citizenPid,
    ).toBeDefined();
  });
});

describe('share webhook over real HTTP', () => {
  let server: Server;
  let url: string;
  const deliveries: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers to a node:http receiver with the default fetch; the signature verifies', async () => {
    const idp = createMockIdp({
      issuer: ISSUER,
      clients: [
        {
          clientId: 'bank',
          clientSecret: SECRET,
          redirectUris: ['http://127.0.0.1:3000/cb'],
          share: { webhookUrl: url, webhookSecret: HOOK_SECRET },
        },
      ],
    });
    const { txnId, link } = await start(idp);
    await idp.fetch(new Request(link, form({ persona: 'citizen-l2', decision: 'approve' })));
    expect(deliveries).toHaveLength(1);
    const delivery = deliveries[0]!;
    const request = new Request(url, {
      method: 'POST',
      headers: Object.entries(delivery.headers).flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, v] as [string, string]] : [],
      ),
      body: delivery.body,
    });
    const payload = await verifyWebhook(request, {
      secret: HOOK_SECRET,
      replayCache: memoryReplayCache(),
    });
    expect(payload).toMatchObject({ txnId, status: 'approved' });
  });
});
