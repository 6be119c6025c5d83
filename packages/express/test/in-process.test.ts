/**
 * The documented five-line app (docs/express.md, test/docs/app.ts) and a consent that
 * grants less than asked, against the mock in-process through msw: the provider's persona
 * picker and consent screen answered as a citizen would.
 */
import { setupServer } from 'msw/node';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelyingParty } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import type { Express } from 'express';
import { app as documented } from './docs/app';
import { bankApp, EXPRESSES, Jar, navigate } from './support';

const idp = createMockIdp(); // http://127.0.0.1:9400 with the dinhdanh-dev client, no autoApprove
const msw = setupServer(...mockIdpHandlers(idp));
beforeAll(() => msw.listen({ onUnhandledRequest: 'bypass' }));
afterAll(async () => {
  msw.close();
  await idp.close();
});

const LOCAL = 'http://localhost:3000';

function form(url: string, fields: [string, string][]): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

/** The citizen at the provider: picks a persona, then approves only `grant`. */
async function atProvider(authorize: string, persona: string, grant: string[]): Promise<string> {
  const interaction = (await fetch(authorize, { redirect: 'manual' })).headers.get('location')!;
  const picked = await fetch(form(`${interaction}/login`, [['persona', persona]]), {
    redirect: 'manual',
  });
  expect(picked.status).toBe(303);
  const consented = await fetch(
    form(`${interaction}/consent`, [
      ['decision', 'approve'],
      ...grant.map((a): [string, string] => ['attributes', a]),
    ]),
    { redirect: 'manual' },
  );
  expect(consented.status).toBe(303);
  return consented.headers.get('location')!;
}

async function loginThrough(app: Express, jar: Jar, page: string, grant: string[]) {
  const gate = await navigate(app, jar, page);
  expect(gate.status).toBe(302);
  const login = new URL(gate.headers.location as string, LOCAL);
  const start = await navigate(app, jar, `${login.pathname}${login.search}`);
  expect(start.status).toBe(302);
  const back = new URL(await atProvider(start.headers.location as string, 'citizen-l2', grant));
  expect(back.origin).toBe(LOCAL);
  return navigate(app, jar, `${back.pathname}${back.search}`);
}

describe('the documented five-line app', () => {
  it('sends a visitor to log in at level 2 and greets the citizen on the way back', async () => {
    const jar = new Jar();
    const callback = await loginThrough(documented, jar, '/account', ['name']);
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/account');
    expect(jar.cookies.has('dinhdanh.session')).toBe(true); // http://localhost: no __Host-
    const page = await request(documented).get('/account').set('cookie', jar.header());
    expect(page.status).toBe(200);
    expect(page.text).toBe('Xin chào, Nguyễn Văn An');
  });
});

for (const [version, makeExpress] of EXPRESSES) {
  it(`${version}: a citizen who grants less than asked gets a session with only what was granted`, async () => {
    const app = bankApp(makeExpress, {
      rp: createRelyingParty({
        issuer: idp.issuer,
        clientId: 'dinhdanh-dev',
        redirectUri: `${LOCAL}/auth/callback`,
        clientAuth: {
          method: 'client_secret_basic',
          clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
        },
      }),
      secrets: 'in-process-seal-secret-in-process-seal-0123',
      requests: { default: { claims: ['name', 'birthdate', 'phone'] } },
      meAttributes: ['name', 'birthdate', 'phone'],
      onLogin: (result) => {
        expect(result.consent.requested).toEqual(['name', 'birthdate', 'phone']);
        expect(result.consent.granted).toEqual(['name']);
      },
    });
    const jar = new Jar();
    const callback = await loginThrough(app, jar, '/account', ['name']);
    expect(callback.status).toBe(302);
    const me = await request(app).get('/auth/me').set('cookie', jar.header());
    const body = me.body as { identity: { attributes: Record<string, unknown> } };
    expect(Object.keys(body.identity.attributes)).toEqual(['name']);
  });
}
