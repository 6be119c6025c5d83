/**
 * A session store that is down: every request that needs it answers 503
 * `store_unavailable` (never a 500, never a request let through as anonymous or signed in),
 * and the same requests work again as soon as the store answers.
 */
import { describe, expect, it } from 'vitest';
import { isDinhDanhError, memoryStore, type SessionStore } from '@dinhdanh/core';
import { clock, errorCode, fakeRp, handlersFor, Jar, loginWith, ORIGIN, T0 } from './support';

/** A real memory store behind a switch that makes every call fail like a lost connection. */
function switchableStore(): SessionStore & { down: boolean } {
  const inner = memoryStore({ now: () => clock.now });
  const store = {
    down: false,
    check(): void {
      if (store.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    },
    get: (key: string) => (store.check(), inner.get(key)),
    set: (key: string, value: string, ttl: number) => (store.check(), inner.set(key, value, ttl)),
    delete: (key: string) => (store.check(), inner.delete(key)),
  };
  return store;
}

describe.each(['cookie', 'store'] as const)('%s sessions with the store down', (storage) => {
  it('answer 503 store_unavailable, fail closed, and recover on their own', async () => {
    clock.now = T0;
    const store = switchableStore();
    const auth = handlersFor(fakeRp(), { sessions: { storage, store } });
    const jar = new Jar();
    await loginWith(auth, jar);
    expect(
      (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as object,
    ).toMatchObject({
      status: 'authenticated',
    });

    store.down = true;
    const me = await auth.me(jar.request(`${ORIGIN}/auth/me`));
    expect(me.status).toBe(503);
    const text = await me.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'store_unavailable' } });
    expect(text).not.toContain('ECONNREFUSED');
    await expect(auth.getSession(jar.request(`${ORIGIN}/`))).rejects.toSatisfy((error) =>
      isDinhDanhError(error, 'store_unavailable'),
    );
    // A new login writes to the store only when sessions live there (a cookie session
    // needs it first when it is read back).
    const other = new Jar();
    other.apply(await auth.login(new Request(`${ORIGIN}/auth/login`)));
    const callback = await auth.callback(
      other.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    if (storage === 'store') {
      expect(callback.status).toBe(503);
      expect(await errorCode(callback)).toBe('store_unavailable');
    } else {
      const fresh = await auth.me(other.apply(callback).request(`${ORIGIN}/auth/me`));
      expect(fresh.status).toBe(503);
    }

    store.down = false;
    const again = await auth.me(jar.request(`${ORIGIN}/auth/me`));
    expect(again.status).toBe(200);
    expect(((await again.json()) as { status: string }).status).toBe('authenticated');
  });
});
