import { describe, expect, it } from 'vitest';
import { memoryStore, type MeResponse } from '@dinhdanh/core';
import { clock, errorCode, fakeRp, handlersFor, Jar, loginWith, ORIGIN, T0 } from './support';

async function signedIn(extra: Parameters<typeof handlersFor>[1] = {}) {
  clock.now = T0;
  const rp = fakeRp();
  const auth = handlersFor(rp, extra);
  const jar = new Jar();
  await loginWith(auth, jar);
  const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
  if (me.status !== 'authenticated') throw new Error('not signed in');
  return { rp, auth, jar, csrfToken: me.csrfToken };
}

function post(jar: Jar, headers: Record<string, string>, body?: string) {
  return jar.request(`${ORIGIN}/auth/logout`, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

describe('logout refuses cross-site requests (csrf_failed)', () => {
  const refusals: [string, Record<string, string>][] = [
    ['another Origin', { origin: 'https://evil.example' }],
    ['Origin null and no token', { origin: 'null' }],
    ['Origin null from another site', { origin: 'null', 'sec-fetch-site': 'cross-site' }],
    ['Origin null with a wrong token', { origin: 'null', 'x-csrf-token': 'AAAA' }],
    ['a same-site sibling origin', { origin: 'https://shop.bank.example' }],
    ['http:// instead of https://', { origin: 'http://bank.example' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
    ['no origin header and no token', {}],
    ['a same-origin request with a wrong token', { origin: ORIGIN, 'x-csrf-token': 'AAAA' }],
  ];
  for (const [what, headers] of refusals) {
    it(`refuses ${what} and keeps the session`, async () => {
      const { auth, jar } = await signedIn();
      const response = await auth.logout(post(jar, headers));
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe('csrf_failed');
      expect(response.headers.getSetCookie()).toEqual([]);
      const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
      expect(me.status).toBe('authenticated');
    });
  }

  it('refuses a token from another session', async () => {
    const first = await signedIn();
    const second = await signedIn();
    const response = await first.auth.logout(
      post(
        first.jar,
        { 'content-type': 'application/x-www-form-urlencoded' },
        `csrf_token=${second.csrfToken}`,
      ),
    );
    expect(await errorCode(response)).toBe('csrf_failed');
  });

  it('requires the token even with a good Origin when requireCsrfToken is set', async () => {
    const { auth, jar, csrfToken } = await signedIn({ requireCsrfToken: true });
    expect(await errorCode(await auth.logout(post(jar, { origin: ORIGIN })))).toBe('csrf_failed');
    const ok = await auth.logout(post(jar, { origin: ORIGIN, 'x-csrf-token': csrfToken }));
    expect(ok.status).toBe(303);
  });

  it('answers GET with 405', async () => {
    const { auth, jar } = await signedIn();
    const response = await auth.logout(jar.request(`${ORIGIN}/auth/logout`));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});

describe('logout', () => {
  it('with a same-origin Origin: clears the session and 303s to the provider logout', async () => {
    const { rp, auth, jar } = await signedIn();
    const response = await auth.logout(post(jar, { origin: ORIGIN }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('https://id.example/logout');
    expect(jar.apply(response).cookies.size).toBe(0);
    // Cookie sessions hold no ID token, so none is sent as a hint.
    expect(rp.calls.at(-1)).toEqual({ method: 'logoutUrl', args: [{}] });
  });

  it('when the provider logout URL cannot be built, the error still clears the cookies', async () => {
    const { rp, auth, jar } = await signedIn();
    rp.logoutUrl = () => Promise.reject(new Error('discovery down'));
    const response = await auth.logout(post(jar, { origin: ORIGIN }));
    expect(response.status).toBeGreaterThanOrEqual(500);
    expect(jar.apply(response).cookies.size).toBe(0);
  });

  it('cookie sessions: a copy of the cookie replayed after logout is refused', async () => {
    const { auth, jar } = await signedIn();
    const before = jar.header();
    const signedInBefore = await auth.me(
      new Request(`${ORIGIN}/auth/me`, { headers: { cookie: before } }),
    );
    expect(((await signedInBefore.json()) as MeResponse).status).toBe('authenticated');
    await auth.logout(post(jar, { origin: ORIGIN }));
    const replay = await auth.me(new Request(`${ORIGIN}/auth/me`, { headers: { cookie: before } }));
    expect(((await replay.json()) as MeResponse).status).toBe('anonymous');
  });

  it('with Sec-Fetch-Site same-origin or a form token', async () => {
    const a = await signedIn();
    expect((await a.auth.logout(post(a.jar, { 'sec-fetch-site': 'same-origin' }))).status).toBe(
      303,
    );
    const b = await signedIn();
    const form = await b.auth.logout(
      post(
        b.jar,
        { 'content-type': 'application/x-www-form-urlencoded' },
        `csrf_token=${encodeURIComponent(b.csrfToken)}`,
      ),
    );
    expect(form.status).toBe(303);
  });

  // Chromium's same-origin form post under `Referrer-Policy: no-referrer` (helmet's default)
  it('with Origin null and Sec-Fetch-Site same-origin, or Origin null and the form token', async () => {
    const a = await signedIn();
    const fetchMeta = await a.auth.logout(
      post(a.jar, { origin: 'null', 'sec-fetch-site': 'same-origin' }),
    );
    expect(fetchMeta.status).toBe(303);
    const b = await signedIn();
    const form = await b.auth.logout(
      post(
        b.jar,
        { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
        `csrf_token=${encodeURIComponent(b.csrfToken)}`,
      ),
    );
    expect(form.status).toBe(303);
  });

  it('store sessions: deletes the record and sends id_token_hint', async () => {
    const store = memoryStore();
    const { rp, auth, jar } = await signedIn({
      sessions: { store },
      postLogoutRedirectUri: `${ORIGIN}/bye`,
    });
    const before = jar.header();
    const signedInBefore = await auth.me(
      new Request(`${ORIGIN}/auth/me`, { headers: { cookie: before } }),
    );
    expect(((await signedInBefore.json()) as MeResponse).status).toBe('authenticated');
    await auth.logout(post(jar, { origin: ORIGIN }));
    expect(rp.calls.at(-1)).toEqual({
      method: 'logoutUrl',
      args: [{ idTokenHint: 'ID-TOKEN-SECRET', postLogoutRedirectUri: `${ORIGIN}/bye` }],
    });
    // Replaying the old cookie finds nothing: the record is gone.
    const replay = await auth.me(new Request(`${ORIGIN}/auth/me`, { headers: { cookie: before } }));
    expect(((await replay.json()) as MeResponse).status).toBe('anonymous');
  });

  it('providerLogout: false redirects locally', async () => {
    const { auth, jar } = await signedIn({
      providerLogout: false,
      postLogoutRedirectUri: '/goodbye',
    });
    const response = await auth.logout(post(jar, { origin: ORIGIN }));
    expect(response.headers.get('location')).toBe('/goodbye');
  });
});
