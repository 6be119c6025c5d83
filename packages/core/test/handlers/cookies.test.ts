import { describe, expect, it } from 'vitest';
import { memoryStore } from '@dinhdanh/core';
import {
  clock,
  fakeRp,
  handlersFor,
  Jar,
  loginWith,
  ORIGIN,
  resultFor,
  setCookies,
  T0,
  LOCAL_TX,
  TX,
} from './support';

describe('cookie attributes', () => {
  it('sets the transaction cookie HttpOnly, Secure, SameSite=Lax, Path=/, __Host- prefixed, 10 minutes', async () => {
    clock.now = T0;
    const response = await handlersFor(fakeRp()).login(new Request(`${ORIGIN}/auth/login`));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://id.example/authorize?request_uri=urn:x');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [cookie, ...others] = setCookies(response);
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({
      name: TX,
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 600,
    });
    expect(cookie?.domain).toBeUndefined();
    expect(cookie?.value).not.toContain('verifier');
  });

  it('drops Secure and the __Host- prefix on http://localhost only', async () => {
    const local = await handlersFor(fakeRp('http://localhost:3000/auth/callback')).login(
      new Request('http://localhost:3000/auth/login'),
    );
    expect(setCookies(local)[0]).toMatchObject({
      name: LOCAL_TX,
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
    });
    expect(setCookies(local)[0]?.secure).toBeUndefined();
    const plainHttp = await handlersFor(fakeRp('http://bank.example/auth/callback')).login(
      new Request('http://bank.example/auth/login'),
    );
    expect(setCookies(plainHttp)[0]).toMatchObject({ name: TX, secure: true });
  });

  it('after the callback: a session cookie without tokens, the transaction cookie cleared', async () => {
    clock.now = T0;
    const jar = new Jar();
    const callback = await loginWith(handlersFor(fakeRp()), jar);
    expect(callback.status).toBe(302);
    const cookies = setCookies(callback);
    expect(cookies.find((c) => c.name === TX)).toMatchObject({
      maxAge: 0,
      value: '',
    });
    const session = cookies.find((c) => c.name === '__Host-dinhdanh.session');
    expect(session).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      maxAge: 8 * 3600,
    });
    expect([...jar.cookies.keys()]).toEqual(['__Host-dinhdanh.session']);
    const raw = callback.headers.getSetCookie().join('\n');
    expect(raw).not.toContain('AT-SECRET');
    expect(raw).not.toContain('001085123456');
  });

  it('caps the session at sessions.maxAge', async () => {
    clock.now = T0;
    const jar = new Jar();
    const callback = await loginWith(handlersFor(fakeRp(), { sessions: { maxAge: 600 } }), jar);
    expect(setCookies(callback).find((c) => c.name === '__Host-dinhdanh.session')?.maxAge).toBe(
      600,
    );
  });
});

describe('large sessions are chunked', () => {
  const portrait = 'A'.repeat(9000);

  it('splits a session over name.0, name.1, ... when it exceeds one cookie, and reads it back', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.nextResult = resultFor({ sid: 's', portrait });
    const auth = handlersFor(rp, {
      sessions: { keepIdentity: (identity) => identity },
      meAttributes: ['name', 'portrait'],
    });
    const jar = new Jar();
    const callback = await loginWith(auth, jar);
    const names = setCookies(callback)
      .filter((c) => c.maxAge !== 0)
      .map((c) => c.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(names.map((_, index) => `__Host-dinhdanh.session.${index}`));
    for (const header of callback.headers.getSetCookie()) expect(header.length).toBeLessThan(4096);
    const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as {
      identity: { attributes: { portrait?: string } };
    };
    expect(me.identity.attributes.portrait).toBe(portrait);
  });

  it('expires stale chunks when the session shrinks back into one cookie', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.nextResult = resultFor({ portrait });
    const auth = handlersFor(rp, { sessions: { keepIdentity: (identity) => identity } });
    const jar = new Jar();
    await loginWith(auth, jar);
    expect(jar.cookies.has('__Host-dinhdanh.session.1')).toBe(true);
    rp.nextResult = resultFor({});
    const again = await loginWith(auth, jar);
    const cleared = setCookies(again)
      .filter((c) => c.maxAge === 0)
      .map((c) => c.name);
    expect(cleared).toEqual(
      expect.arrayContaining(['__Host-dinhdanh.session.0', '__Host-dinhdanh.session.1']),
    );
    expect([...jar.cookies.keys()]).toEqual(['__Host-dinhdanh.session']);
    const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as {
      status: string;
    };
    expect(me.status).toBe('authenticated');
  });

  it('drops the portrait by default, so a default session fits one cookie', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.nextResult = resultFor({ portrait });
    const jar = new Jar();
    await loginWith(handlersFor(rp), jar);
    expect([...jar.cookies.keys()]).toEqual(['__Host-dinhdanh.session']);
  });

  it('refuses a session too large for cookies with config_invalid, pointing to a store', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.nextResult = resultFor({ portrait: 'A'.repeat(60_000) });
    const jar = new Jar();
    const callback = await loginWith(
      handlersFor(rp, { sessions: { keepIdentity: (i) => i } }),
      jar,
    );
    expect(callback.status).toBe(500);
    expect(((await callback.json()) as { error: { code: string } }).error.code).toBe(
      'config_invalid',
    );
    const stored = await loginWith(
      handlersFor(rp, { sessions: { keepIdentity: (i) => i, store: memoryStore() } }),
      new Jar(),
    );
    expect(stored.status).toBe(302);
  });

  it('refuses an identity keepIdentity broke (a masked ID number) with config_invalid, no session', async () => {
    clock.now = T0;
    const rp = fakeRp();
    const jar = new Jar();
    const auth = handlersFor(rp, {
      sessions: {
        keepIdentity: (identity) => ({
          ...identity,
          attributes: { ...identity.attributes, pid: '0010xxxxxxxx' },
        }),
      },
    });
    const callback = await loginWith(auth, jar);
    expect(((await callback.json()) as { error: { code: string } }).error.code).toBe(
      'config_invalid',
    );
    expect(jar.cookies.has('__Host-dinhdanh.session')).toBe(false);
  });
});
