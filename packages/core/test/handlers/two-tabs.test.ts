/**
 * Logins pending in several tabs of one browser: one transaction cookie per `state`, so
 * each completes; a callback whose state names no pending login ends none of them; and a
 * browser holds a bounded number of pending logins.
 */
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@dinhdanh/core';
import {
  clock,
  errorCode,
  fakeRp,
  handlersFor,
  Jar,
  ORIGIN,
  T0,
  transactionFor,
  type FakeRp,
} from './support';

/** The double, handing out a new state for every login it starts. */
function rpWithStates(): FakeRp {
  const rp = fakeRp();
  let count = 0;
  rp.startLogin = (options = {}) => {
    count += 1;
    return Promise.resolve({
      url: `https://id.example/authorize?n=${count}`,
      transaction: {
        ...transactionFor(options.returnTo),
        state: `state-${count}`,
        createdAt: clock.now,
      },
    });
  };
  return rp;
}

const pending = (jar: Jar) =>
  [...jar.cookies.keys()].filter((name) => name.startsWith('__Host-dinhdanh.tx'));

describe('two tabs logging in at once', () => {
  it('both complete, in either order, and a crafted callback ends neither', async () => {
    clock.now = T0;
    const auth = handlersFor(rpWithStates());
    const jar = new Jar();
    jar.apply(await auth.login(jar.request(`${ORIGIN}/auth/login?returnTo=/a`)));
    jar.apply(await auth.login(jar.request(`${ORIGIN}/auth/login?returnTo=/b`)));
    expect(pending(jar)).toHaveLength(2);

    for (const query of ['?code=good&state=forged', '?code=good', '?error=access_denied&state=x']) {
      const crafted = await auth.callback(jar.request(`${ORIGIN}/auth/callback${query}`));
      expect(crafted.status).toBe(400);
      expect(await errorCode(crafted)).toBe('transaction_invalid');
      jar.apply(crafted);
      expect(pending(jar)).toHaveLength(2);
    }

    const second = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-2`),
    );
    expect(second.status).toBe(302);
    expect(second.headers.get('location')).toBe('/b');
    jar.apply(second);
    const first = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/a');
    jar.apply(first);
    expect(pending(jar)).toEqual([]);
    const me = await auth.me(jar.request(`${ORIGIN}/auth/me`));
    expect(((await me.json()) as MeResponse).status).toBe('authenticated');
  });

  it('a failed callback ends only its own login', async () => {
    clock.now = T0;
    const auth = handlersFor(rpWithStates());
    const jar = new Jar();
    jar.apply(await auth.login(jar.request(`${ORIGIN}/auth/login`)));
    jar.apply(await auth.login(jar.request(`${ORIGIN}/auth/login`)));
    const refused = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=bad&state=state-1`),
    );
    expect(await errorCode(refused)).toBe('invalid_grant');
    jar.apply(refused);
    expect(pending(jar)).toHaveLength(1);
    const other = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-2`),
    );
    expect(other.status).toBe(302);
  });

  it('keeps at most five pending logins, dropping the oldest', async () => {
    const auth = handlersFor(rpWithStates());
    const jar = new Jar();
    for (let tab = 1; tab <= 8; tab += 1) {
      clock.now = T0 + tab * 1000;
      jar.apply(await auth.login(jar.request(`${ORIGIN}/auth/login`)));
      expect(pending(jar).length).toBeLessThanOrEqual(5);
    }
    expect(pending(jar)).toHaveLength(5);
    const oldest = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-3`),
    );
    expect(await errorCode(oldest)).toBe('transaction_invalid');
    const newest = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-8`),
    );
    expect(newest.status).toBe(302);
    const kept = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-4`),
    );
    expect(kept.status).toBe(302);
    clock.now = T0;
  });
});
