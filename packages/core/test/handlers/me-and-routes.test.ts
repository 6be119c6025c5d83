import { describe, expect, it } from 'vitest';
import { memoryStore, redisStore, type MeResponse } from '@dinhdanh/core';
import { clock, fakeRp, handlersFor, Jar, loginWith, ORIGIN, T0, TX } from './support';

describe('GET /me', () => {
  it('is anonymous without a session, never cached', async () => {
    const response = await handlersFor(fakeRp()).me(new Request(`${ORIGIN}/auth/me`));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'anonymous' });
  });

  it('summarises the session: level, chosen attributes, expiry, CSRF token — never tokens or the PID', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    await loginWith(auth, jar);
    const response = await auth.me(jar.request(`${ORIGIN}/auth/me`));
    const text = await response.text();
    expect(text).not.toContain('AT-SECRET');
    expect(text).not.toContain('ID-TOKEN-SECRET');
    expect(text).not.toContain('001085123456');
    const body = JSON.parse(text) as MeResponse;
    expect(body).toEqual({
      status: 'authenticated',
      level: 2,
      expiresAt: new Date(T0 + 8 * 3600_000).toISOString(),
      identity: {
        provider: 'oidc',
        accountType: 'citizen',
        level: 2,
        attributes: { name: { full: 'Nguyễn Văn An' } },
      },
      granted: ['pid', 'name'],
      csrfToken: expect.any(String) as string,
    });
  });

  it('reads an expired or tampered session as anonymous and clears the cookie', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    await loginWith(auth, jar);
    clock.now = T0 + 8 * 3600_000;
    const expired = await auth.me(jar.request(`${ORIGIN}/auth/me`));
    expect(((await expired.json()) as MeResponse).status).toBe('anonymous');
    expect(expired.headers.getSetCookie()[0]).toMatch(/^__Host-dinhdanh\.session=; Max-Age=0/);
    clock.now = T0;
    const tampered = await auth.me(
      new Request(`${ORIGIN}/auth/me`, {
        headers: { cookie: '__Host-dinhdanh.session=eyJhbGciOiJkaXIifQ.x.y.z.w' },
      }),
    );
    expect(((await tampered.json()) as MeResponse).status).toBe('anonymous');
  });

  it('a cookie sealed under another name or purpose does not read as a session', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    jar.apply(await auth.login(new Request(`${ORIGIN}/auth/login`)));
    const tx = jar.cookies.get(TX)!;
    expect(tx).toBeDefined();
    const response = await auth.me(
      new Request(`${ORIGIN}/auth/me`, { headers: { cookie: `__Host-dinhdanh.session=${tx}` } }),
    );
    expect(((await response.json()) as MeResponse).status).toBe('anonymous');
  });

  it('accepts sessions sealed with a previous secret after rotation', async () => {
    clock.now = T0;
    const jar = new Jar();
    await loginWith(
      handlersFor(fakeRp(), { secrets: 'old-secret-old-secret-old-secret-old-secret' }),
      jar,
    );
    const rotated = handlersFor(fakeRp(), {
      secrets: [
        'new-secret-new-secret-new-secret-new-secret',
        'old-secret-old-secret-old-secret-old-secret',
      ],
    });
    const me = (await (await rotated.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
    expect(me.status).toBe('authenticated');
  });
});

describe('a session store that does not answer fails closed', () => {
  for (const storage of ['cookie', 'store'] as const) {
    it(`${storage} sessions: /me answers 503 store_unavailable and keeps the cookie`, async () => {
      clock.now = T0;
      let down = false;
      const backing = memoryStore({ now: () => clock.now });
      const flaky = {
        isOpen: true,
        get: (key: string) =>
          down ? Promise.reject(new Error('ECONNRESET')) : backing.get(key).then((v) => v ?? null),
        set: (key: string, value: string, options: { EX: number }) =>
          down
            ? Promise.reject(new Error('ECONNRESET'))
            : backing.set(key, value, options.EX).then(() => 'OK'),
        del: (key: string) =>
          down ? Promise.reject(new Error('ECONNRESET')) : backing.delete(key).then(() => 1),
      };
      const auth = handlersFor(fakeRp(), { sessions: { store: redisStore(flaky), storage } });
      const jar = new Jar();
      await loginWith(auth, jar);
      down = true;
      const response = await auth.me(jar.request(`${ORIGIN}/auth/me`));
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'store_unavailable',
      );
      expect(response.headers.getSetCookie()).toEqual([]);
      down = false;
      expect(
        ((await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse).status,
      ).toBe('authenticated');
    });
  }
});

describe('handle routes under basePath', () => {
  it('routes each path and method', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), { basePath: '/id/' });
    expect((await auth.handle(new Request(`${ORIGIN}/id/login`))).status).toBe(302);
    expect((await auth.handle(new Request(`${ORIGIN}/id/me`))).status).toBe(200);
    expect((await auth.handle(new Request(`${ORIGIN}/id/me`, { method: 'POST' }))).status).toBe(
      405,
    );
    expect((await auth.handle(new Request(`${ORIGIN}/id/backchannel-logout`))).status).toBe(405);
    expect((await auth.handle(new Request(`${ORIGIN}/id/qr/poll`))).status).toBe(400);
    for (const path of [
      '/auth/login',
      '/id',
      '/id/',
      '/id/unknown',
      '/idlogin',
      '/id/login/x',
      '/id/constructor',
    ]) {
      expect((await auth.handle(new Request(`${ORIGIN}${path}`))).status).toBe(404);
    }
  });

  it('refuses bad options with config_invalid', () => {
    const rp = fakeRp();
    for (const options of [
      { secrets: 'short' },
      { secrets: [] },
      { basePath: 'auth' },
      { origin: 'not a url' },
      { origin: 'ftp://bank.example' },
      { sessions: { storage: 'store' as const } },
      { sessions: { cookieName: 'bad name;' } },
      { sessions: { maxAge: -1 } },
      { transactionMaxAge: 0 },
      { now: 1_790_000_000_000 as unknown as () => number },
    ]) {
      expect(() => handlersFor(rp, options)).toThrow(
        expect.objectContaining({ code: 'config_invalid' }),
      );
    }
  });
});
