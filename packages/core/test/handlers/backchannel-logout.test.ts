import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore, redisStore, type MeResponse, type SessionStore } from '@dinhdanh/core';
import {
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '../sessions/redis-server';
import { clock, fakeRp, handlersFor, Jar, loginWith, ORIGIN, resultFor, T0 } from './support';

function logoutRequest(token: string | undefined, type = 'application/x-www-form-urlencoded') {
  return new Request(`${ORIGIN}/auth/backchannel-logout`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: token === undefined ? '' : new URLSearchParams({ logout_token: token }).toString(),
  });
}

async function status(auth: ReturnType<typeof handlersFor>, jar: Jar) {
  return ((await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse).status;
}

function scenario(label: string, makeStore: () => SessionStore, storage: 'cookie' | 'store') {
  describe(`${label}, ${storage} sessions`, () => {
    async function threeSessions() {
      clock.now = T0;
      const rp = fakeRp();
      const auth = handlersFor(rp, { sessions: { store: makeStore(), storage } });
      const a = new Jar();
      const b = new Jar();
      const c = new Jar();
      rp.nextResult = resultFor({ sid: 'sid-a', sub: 'citizen-1' });
      await loginWith(auth, a);
      rp.nextResult = resultFor({ sid: 'sid-b', sub: 'citizen-1' });
      await loginWith(auth, b);
      rp.nextResult = resultFor({ sid: 'sid-c', sub: 'citizen-2' });
      await loginWith(auth, c);
      return { rp, auth, a, b, c };
    }

    it('a token naming a sid ends exactly that session (200, no-store)', async () => {
      const { auth, a, b, c } = await threeSessions();
      for (const jar of [a, b, c]) expect(await status(auth, jar)).toBe('authenticated');
      clock.now = T0 + 1000;
      const response = await auth.backchannelLogout(logoutRequest('sid:sid-a'));
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await status(auth, a)).toBe('anonymous');
      expect(await status(auth, b)).toBe('authenticated');
      expect(await status(auth, c)).toBe('authenticated');
    });

    it('a token naming only a sub ends every session of that citizen', async () => {
      const { auth, a, b, c } = await threeSessions();
      for (const jar of [a, b, c]) expect(await status(auth, jar)).toBe('authenticated');
      clock.now = T0 + 1000;
      expect((await auth.backchannelLogout(logoutRequest('sub:citizen-1'))).status).toBe(200);
      expect(await status(auth, a)).toBe('anonymous');
      expect(await status(auth, b)).toBe('anonymous');
      expect(await status(auth, c)).toBe('authenticated');
    });

    it('a logout for the sid that arrives during the callback still ends the new session', async () => {
      clock.now = T0;
      const rp = fakeRp();
      rp.nextResult = resultFor({ sid: 'sid-race', sub: 'citizen-9' });
      const handlers: { auth?: ReturnType<typeof handlersFor> } = {};
      const auth = handlersFor(rp, {
        sessions: { store: makeStore(), storage },
        onLogin: async () => {
          await handlers.auth?.backchannelLogout(logoutRequest('sid:sid-race'));
          clock.now = T0 + 5; // the session is written after the mark
        },
      });
      handlers.auth = auth;
      const jar = new Jar();
      await loginWith(auth, jar);
      expect(await status(auth, jar)).toBe('anonymous');
    });

    it('a new login in the same browser ends the session it replaces (a copy of the old cookie too)', async () => {
      clock.now = T0;
      const rp = fakeRp();
      const auth = handlersFor(rp, { sessions: { store: makeStore(), storage } });
      const jar = new Jar();
      rp.nextResult = resultFor({ sid: 'sid-old', sub: 'citizen-1' });
      await loginWith(auth, jar);
      const copy = new Jar();
      for (const [name, value] of jar.cookies) copy.cookies.set(name, value);
      clock.now = T0 + 1000;
      rp.nextResult = resultFor({ sid: 'sid-new', sub: 'citizen-1' });
      await loginWith(auth, jar);
      expect(await status(auth, jar)).toBe('authenticated');
      expect(await status(auth, copy)).toBe('anonymous');
    });

    it('a login after the logout starts a fresh session', async () => {
      const { rp, auth } = await threeSessions();
      clock.now = T0 + 1000;
      await auth.backchannelLogout(logoutRequest('sub:citizen-1'));
      clock.now = T0 + 2000;
      rp.nextResult = resultFor({ sid: 'sid-d', sub: 'citizen-1' });
      const fresh = new Jar();
      await loginWith(auth, fresh);
      expect(await status(auth, fresh)).toBe('authenticated');
    });
  });
}

scenario('memory store', () => memoryStore({ now: () => clock.now }), 'cookie');
scenario('memory store', () => memoryStore({ now: () => clock.now }), 'store');

const skip = redisUnavailableReason();
describe.skipIf(skip !== undefined)('against a real redis-server', () => {
  let server: RedisServer;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    server = await startRedisServer();
    client = createClient({ url: server.url });
    await client.connect();
  });
  afterAll(async () => {
    if (client?.isOpen) await client.quit();
    if (server !== undefined) await server.stop();
  });
  let n = 0;
  scenario('redis store', () => redisStore(client, { keyPrefix: `bcl-${(n += 1)}:` }), 'cookie');
  scenario('redis store', () => redisStore(client, { keyPrefix: `bcl-${(n += 1)}:` }), 'store');
});

describe('back-channel logout refusals (400 invalid_request, no-store)', () => {
  const cases: [string, Request][] = [
    ['a missing logout_token', logoutRequest(undefined)],
    ['a JSON body', logoutRequest('sid:x', 'application/json')],
    ['a token the relying party refuses', logoutRequest('forged')],
  ];
  for (const [what, request] of cases) {
    it(`refuses ${what}`, async () => {
      const response = await handlersFor(fakeRp()).backchannelLogout(request);
      expect(response.status).toBe(400);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
    });
  }

  it('says which check refused the token, by code', async () => {
    const response = await handlersFor(fakeRp()).backchannelLogout(logoutRequest('forged'));
    expect(((await response.json()) as { error_description: string }).error_description).toContain(
      'logout_token_invalid',
    );
  });

  it('answers 400 when the store is down (the provider may retry)', async () => {
    const down: SessionStore = {
      get: () => Promise.reject(new Error('down')),
      set: () => Promise.reject(new Error('down')),
      delete: () => Promise.reject(new Error('down')),
    };
    const response = await handlersFor(fakeRp(), {
      sessions: { store: down, storage: 'cookie' },
    }).backchannelLogout(logoutRequest('sid:x'));
    expect(response.status).toBe(400);
  });

  it('answers GET with 405', async () => {
    expect(
      (
        await handlersFor(fakeRp()).backchannelLogout(
          new Request(`${ORIGIN}/auth/backchannel-logout`),
        )
      ).status,
    ).toBe(405);
  });
});
