/**
 * `getSessionFromCookies(cookieHeader)` reads the same session as `getSession(request)`,
 * through the same checks (seal, expiry, relying party, revocation, schema), from the
 * `Cookie` header alone; cookie names follow the configured origin.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isDinhDanhError,
  memoryStore,
  type AuthHandlers,
  type Session,
  type SessionStore,
} from '@dinhdanh/core';
import { clock, fakeRp, handlersFor, Jar, loginWith, ORIGIN, resultFor, T0 } from './support';

const SESSION_COOKIE = '__Host-dinhdanh.session';

/** Both reads of one cookie header; they must agree. */
async function bothReads(auth: AuthHandlers, cookie: string | undefined) {
  const request = new Request(
    `${ORIGIN}/account`,
    cookie === undefined ? {} : { headers: { cookie } },
  );
  const [fromRequest, fromCookies] = await Promise.all([
    auth.getSession(request),
    auth.getSessionFromCookies(cookie),
  ]);
  expect(fromCookies).toEqual(fromRequest);
  return fromCookies;
}

function flipped(value: string, at: number): string {
  const char = value[at] === 'A' ? 'B' : 'A';
  return `${value.slice(0, at)}${char}${value.slice(at + 1)}`;
}

describe.each(['cookie', 'store'] as const)(
  '%s sessions read from the Cookie header',
  (storage) => {
    async function signedIn(store: SessionStore = memoryStore({ now: () => clock.now })) {
      clock.now = T0;
      const rp = fakeRp();
      const sessions = { storage, store };
      const auth = handlersFor(rp, { sessions });
      const jar = new Jar();
      await loginWith(auth, jar);
      expect(jar.cookies.has(SESSION_COOKIE)).toBe(true);
      return { rp, auth, jar, sessions, store };
    }

    it('a valid session reads the same both ways, again and again', async () => {
      const { auth, jar } = await signedIn();
      const first = await bothReads(auth, jar.header());
      expect(first).toMatchObject({ sub: 'citizen-1', level: 2, sid: 'op-session-1' });
      const again = await bothReads(auth, jar.header());
      expect(again).toEqual(first);
    });

    it('a session read cannot be changed for the next read', async () => {
      const { auth, jar } = await signedIn();
      const session = (await auth.getSessionFromCookies(jar.header())) as Session;
      expect(() => {
        (session as { level: number }).level = 0;
      }).toThrow(TypeError);
      expect(() => {
        (session.identity.attributes as { name?: unknown }).name = { full: 'Someone Else' };
      }).toThrow(TypeError);
      const next = await auth.getSessionFromCookies(jar.header());
      expect(next?.level).toBe(2);
      expect(next?.identity.attributes.name).toEqual({ full: 'Nguyễn Văn An' });
    });

    it('no Cookie header, or no session cookie, is no session', async () => {
      const { auth } = await signedIn();
      expect(await bothReads(auth, undefined)).toBeUndefined();
      expect(await auth.getSessionFromCookies(null)).toBeUndefined();
      expect(await bothReads(auth, 'theme=dark')).toBeUndefined();
    });

    it('a tampered or truncated cookie is no session', async () => {
      const { auth, jar } = await signedIn();
      const value = jar.cookies.get(SESSION_COOKIE) as string;
      // A valid session read first, so its seal and record are remembered.
      expect(await bothReads(auth, jar.header())).toBeDefined();
      for (const bad of [
        flipped(value, value.length - 5),
        flipped(value, Math.floor(value.length / 2)),
        value.slice(0, -10),
      ]) {
        expect(await bothReads(auth, `${SESSION_COOKIE}=${bad}`)).toBeUndefined();
      }
    });

    it('the cookie name follows the configured origin, not the request', async () => {
      const { auth, jar } = await signedIn();
      const value = jar.cookies.get(SESSION_COOKIE) as string;
      // An https origin reads only the __Host- cookie: a plain one could be set by a subdomain.
      expect(await bothReads(auth, `dinhdanh.session=${value}`)).toBeUndefined();
    });

    it('an expired session is no session', async () => {
      const { auth, jar } = await signedIn();
      expect(await bothReads(auth, jar.header())).toBeDefined();
      clock.now = resultFor().session.expiresAt;
      expect(await bothReads(auth, jar.header())).toBeUndefined();
    });

    it('a session made by another relying party with the same secret is no session', async () => {
      const { jar, sessions } = await signedIn();
      expect(
        await handlersFor(fakeRp(), { sessions }).getSessionFromCookies(jar.header()),
      ).toBeDefined();
      for (const other of [
        handlersFor({ ...fakeRp(), clientId: 'insurer' }, { sessions }),
        handlersFor({ ...fakeRp(), issuer: 'https://other-id.example' }, { sessions }),
      ]) {
        expect(await bothReads(other, jar.header())).toBeUndefined();
      }
    });

    it.each(['sid:op-session-1', 'sub:citizen-1'])(
      'a session revoked by a back-channel logout (%s) is no session',
      async (token) => {
        const { auth, jar } = await signedIn();
        expect(await bothReads(auth, jar.header())).toBeDefined();
        clock.now = T0 + 60_000;
        const logout = await auth.backchannelLogout(
          new Request(`${ORIGIN}/auth/backchannel-logout`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ logout_token: token }).toString(),
          }),
        );
        expect(logout.status).toBe(200);
        expect(await bothReads(auth, jar.header())).toBeUndefined();
      },
    );

    it('a store that does not answer fails closed with store_unavailable', async () => {
      const inner = memoryStore({ now: () => clock.now });
      let down = false;
      const failing = (): Promise<never> => Promise.reject(new Error('connection refused'));
      const store: SessionStore = {
        get: (key) => (down ? failing() : inner.get(key)),
        set: (key, value, ttl) => (down ? failing() : inner.set(key, value, ttl)),
        delete: (key) => (down ? failing() : inner.delete(key)),
      };
      const { auth, jar } = await signedIn(store);
      expect(await auth.getSessionFromCookies(jar.header())).toBeDefined();
      down = true;
      await expect(auth.getSessionFromCookies(jar.header())).rejects.toSatisfy((error) =>
        isDinhDanhError(error, 'store_unavailable'),
      );
      down = false;
      expect(await auth.getSessionFromCookies(jar.header())).toBeDefined();
    });
  },
);

describe('a store of the app that stops answering', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(['cookie', 'store'] as const)(
    '%s sessions: the read gives up with store_unavailable, never hangs',
    async (storage) => {
      clock.now = T0;
      const inner = memoryStore({ now: () => clock.now });
      let stalled = false;
      const stall = (): Promise<never> => new Promise(() => undefined);
      const store: SessionStore = {
        get: (key) => (stalled ? stall() : inner.get(key)),
        set: (key, value, ttl) => inner.set(key, value, ttl),
        delete: (key) => inner.delete(key),
      };
      const auth = handlersFor(fakeRp(), { sessions: { storage, store } });
      const jar = new Jar();
      await loginWith(auth, jar);
      expect(await auth.getSessionFromCookies(jar.header())).toBeDefined();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      stalled = true;
      const read = auth.getSessionFromCookies(jar.header()).then(
        () => 'answered',
        (error: unknown) => (isDinhDanhError(error, 'store_unavailable') ? 'unavailable' : error),
      );
      await vi.advanceTimersByTimeAsync(2_000);
      expect(await read).toBe('unavailable');
    },
  );
});

describe('store sessions: the record is checked as it is now', () => {
  it('a record changed in the store is read as changed, and a broken one as no session', async () => {
    clock.now = T0;
    const store = memoryStore({ now: () => clock.now });
    const auth = handlersFor(fakeRp(), { sessions: { storage: 'store', store } });
    const jar = new Jar();
    await loginWith(auth, jar);
    const session = (await auth.getSessionFromCookies(jar.header())) as Session;
    const key = `session:${session.id}`;
    const record = JSON.parse((await store.get(key)) as string) as Session;

    await store.set(key, JSON.stringify({ ...record, level: 1 }), 3600);
    expect((await bothReads(auth, jar.header()))?.level).toBe(1);

    await store.set(key, JSON.stringify({ ...record, level: 'high' }), 3600);
    expect(await bothReads(auth, jar.header())).toBeUndefined();

    await store.set(key, '{"id":', 3600);
    expect(await bothReads(auth, jar.header())).toBeUndefined();

    await store.set(key, JSON.stringify(record), 3600);
    expect(await bothReads(auth, jar.header())).toEqual(session);
  });
});
