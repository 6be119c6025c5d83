/**
 * A session is bound to the relying party that made it: another app that happens to
 * share the sealing secret (and the store) reads it as no session.
 */
import { describe, expect, it } from 'vitest';
import { memoryStore, sealSession, type MeResponse } from '@dinhdanh/core';
import { clock, fakeRp, handlersFor, Jar, loginWith, ORIGIN, SECRET, T0 } from './support';

describe.each(['cookie', 'store'] as const)('%s sessions are bound to their app', (storage) => {
  it('another client id or issuer with the same secret refuses the session', async () => {
    clock.now = T0;
    const store = memoryStore({ now: () => clock.now });
    const sessions = { storage, store };
    const bank = handlersFor(fakeRp(), { sessions });
    const jar = new Jar();
    await loginWith(bank, jar);
    const mine = await bank.me(jar.request(`${ORIGIN}/auth/me`));
    expect(((await mine.json()) as MeResponse).status).toBe('authenticated');

    const otherClient = handlersFor({ ...fakeRp(), clientId: 'insurer' }, { sessions });
    const otherIssuer = handlersFor(
      { ...fakeRp(), issuer: 'https://other-id.example' },
      { sessions },
    );
    for (const other of [otherClient, otherIssuer]) {
      const response = await other.me(jar.request(`${ORIGIN}/auth/me`));
      expect(((await response.json()) as MeResponse).status).toBe('anonymous');
      expect(response.headers.getSetCookie().join()).toMatch(/dinhdanh\.session=; Max-Age=0/);
      expect(await other.getSession(jar.request(`${ORIGIN}/`))).toBeUndefined();
    }
  });
});

it('a cookie session sealed without its relying party (by hand, or before binding) is refused', async () => {
  clock.now = T0;
  const sealed = await sealSession(
    {
      id: 'session-id-0123456789',
      sub: 'citizen-1',
      issuer: 'https://id.example',
      level: 2,
      identity: {
        subject: 'citizen-1',
        issuer: 'https://id.example',
        provider: 'oidc',
        accountType: 'citizen',
        level: 2,
        attributes: {},
      },
      createdAt: T0,
      expiresAt: T0 + 3600_000,
    },
    { secrets: SECRET, now: () => T0 },
  );
  const auth = handlersFor(fakeRp());
  const request = new Request(`${ORIGIN}/auth/me`, {
    headers: { cookie: `__Host-dinhdanh.session=${sealed}` },
  });
  expect(await auth.getSession(request)).toBeUndefined();
});
