/**
 * The handlers' trusted origin is the configured `origin` or the redirect URI's, never the
 * request URL's: a `//attacker.example/auth/logout` request-target (which a naive
 * `new URL(req.url, base)` turns into an attacker-origin URL) or a forged `Host` must not
 * move the CSRF comparison, the `returnTo` check or the cookie policy.
 */
import { describe, expect, it } from 'vitest';
import { createAuthHandlers, type MeResponse } from '@dinhdanh/core';
import {
  clock,
  errorCode,
  fakeRp,
  handlersFor,
  Jar,
  loginWith,
  ORIGIN,
  SECRET,
  setCookies,
  T0,
  TX,
} from './support';

const ATTACKER = 'https://attacker.example';

async function signedIn() {
  clock.now = T0;
  const auth = handlersFor(fakeRp());
  const jar = new Jar();
  await loginWith(auth, jar);
  return { auth, jar };
}

async function status(auth: ReturnType<typeof handlersFor>, jar: Jar): Promise<string> {
  const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
  return me.status;
}

describe('the request URL never decides the trusted origin', () => {
  it('refuses a cross-site logout whose request URL carries the attacker origin', async () => {
    const { auth, jar } = await signedIn();
    expect(await status(auth, jar)).toBe('authenticated');
    // What `new URL('//attacker.example/auth/logout', 'https://bank.example')` yields.
    const response = await auth.handle(
      jar.request(`${ATTACKER}/auth/logout`, { method: 'POST', headers: { origin: ATTACKER } }),
    );
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe('csrf_failed');
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await status(auth, jar)).toBe('authenticated');
  });

  it('refuses a cross-site QR start the same way', async () => {
    const { auth, jar } = await signedIn();
    const response = await auth.handle(
      jar.request(`${ATTACKER}/auth/qr/start`, {
        method: 'POST',
        headers: { origin: ATTACKER, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(await errorCode(response)).toBe('csrf_failed');
  });

  it('keeps refusing an absolute returnTo on the request URL’s host', async () => {
    const auth = handlersFor(fakeRp());
    const response = await auth.handle(
      new Request(`${ATTACKER}/auth/login?returnTo=${encodeURIComponent(`${ATTACKER}/x`)}`),
    );
    expect(await errorCode(response)).toBe('return_to_invalid');
  });

  it('still logs out a same-origin request whatever host the request URL names', async () => {
    const { auth, jar } = await signedIn();
    const response = await auth.handle(
      jar.request('http://10.0.0.7:8080/auth/logout', {
        method: 'POST',
        headers: { origin: ORIGIN },
      }),
    );
    expect(response.status).toBe(303);
    jar.apply(response);
    expect(await status(auth, jar)).toBe('anonymous');
  });

  it('keeps Secure and __Host- for an https redirect URI behind a proxy that says http://localhost', async () => {
    const response = await handlersFor(fakeRp()).login(
      new Request('http://localhost:3000/auth/login'),
    );
    expect(setCookies(response)[0]).toMatchObject({ name: TX, secure: true });
  });

  it('uses the configured origin over the redirect URI’s', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), { origin: 'https://www.bank.example' });
    const jar = new Jar();
    await loginWith(auth, jar);
    const refused = await auth.logout(
      jar.request(`${ORIGIN}/auth/logout`, { method: 'POST', headers: { origin: ORIGIN } }),
    );
    expect(await errorCode(refused)).toBe('csrf_failed');
    const accepted = await auth.logout(
      jar.request(`${ORIGIN}/auth/logout`, {
        method: 'POST',
        headers: { origin: 'https://www.bank.example' },
      }),
    );
    expect(accepted.status).toBe(303);
  });

  it('refuses a relying party without a redirect URI (config_invalid)', () => {
    const { redirectUri: _dropped, ...rp } = fakeRp();
    expect(() => createAuthHandlers(rp as never, { secrets: SECRET })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });
});
