import { describe, expect, it } from 'vitest';
import { memoryStore, type MeResponse } from '@dinhdanh/core';
import {
  clock,
  fakeRp,
  handlersFor,
  Jar,
  loginWith,
  ORIGIN,
  resultFor,
  T0,
} from '../handlers/support';

const DAY = 24 * 3600_000;

describe('back-channel logout in cookie mode with a long RP session (sessionMaxAge 90 days)', () => {
  it('keeps the session ended for its whole life, not only 31 days', async () => {
    clock.now = T0;
    const rp = fakeRp();
    // What createRelyingParty({ sessionMaxAge: 90 * 86400 }) puts in LoginResult.session.
    rp.nextResult = {
      ...resultFor({ sid: 'sid-a' }),
      session: { sid: 'sid-a', expiresAt: T0 + 90 * DAY },
    };
    const auth = handlersFor(rp, {
      sessions: { store: memoryStore({ now: () => clock.now }), storage: 'cookie' },
    });
    const jar = new Jar();
    await loginWith(auth, jar);
    clock.now = T0 + 1000;
    const logout = await auth.backchannelLogout(
      new Request(`${ORIGIN}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'logout_token=sid:sid-a',
      }),
    );
    expect(logout.status).toBe(200);
    const status = async () =>
      ((await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse).status;
    expect(await status()).toBe('anonymous');
    clock.now = T0 + 32 * DAY; // the revocation mark (31-day TTL) is gone; the cookie is not
    expect(await status()).toBe('anonymous');
  });
});
