/**
 * createAuthHandlers' `now` option must also drive the store it makes for itself. Cookie
 * sessions keep their logout and back-channel revocation marks in that default memory store;
 * if the store ran on `Date.now` while the handlers ran on `now`, a mark could lapse on the
 * wall clock while the cookie it revokes is still valid on the handlers' clock, and the
 * ended session would come back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '@dinhdanh/core';
import { clock, fakeRp, handlersFor, Jar, loginWith, ORIGIN, T0 } from './support';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function status(auth: ReturnType<typeof handlersFor>, cookie: string) {
  const response = await auth.me(new Request(`${ORIGIN}/auth/me`, { headers: { cookie } }));
  return ((await response.json()) as MeResponse).status;
}

describe('the default session store follows the handlers clock (cookie sessions)', () => {
  // Only Date is faked, so that the wall clock can move while the handlers' clock stands.
  // The handlers must be created after this, as they would be in an app whose clock moved.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    clock.now = T0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a cookie replayed after logout stays refused however far the wall clock moves', async () => {
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    await loginWith(auth, jar);
    const copy = jar.header();
    clock.now = T0 + 1000;
    const logout = await auth.logout(
      jar.request(`${ORIGIN}/auth/logout`, { method: 'POST', headers: { origin: ORIGIN } }),
    );
    expect(logout.status).toBe(303);
    expect(await status(auth, copy)).toBe('anonymous');
    // The session (8 h) is still live on the handlers' clock; the wall clock is a day on.
    vi.setSystemTime(T0 + DAY);
    clock.now = T0 + 2000;
    expect(await status(auth, copy)).toBe('anonymous');
  });

  it('a back-channel revocation outlasts a wall clock that runs ahead', async () => {
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    await loginWith(auth, jar);
    clock.now = T0 + 1000;
    const response = await auth.backchannelLogout(
      new Request(`${ORIGIN}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ logout_token: 'sid:op-session-1' }).toString(),
      }),
    );
    expect(response.status).toBe(200);
    expect(await status(auth, jar.header())).toBe('anonymous');
    vi.setSystemTime(T0 + 40 * DAY);
    clock.now = T0 + 2000;
    expect(await status(auth, jar.header())).toBe('anonymous');
  });
});
