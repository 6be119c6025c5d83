import { describe, expect, it } from 'vitest';
import { DinhDanhError, type LoginResult, type MeResponse } from '@dinhdanh/core';
import {
  ORIGIN,
  Jar,
  clock,
  T0,
  errorCode,
  fakeRp,
  handlersFor,
  loginWith,
  resultFor,
  transactionFor,
  TX,
} from '../handlers/support';

const SESSION = '__Host-dinhdanh.session';

async function meOf(auth: ReturnType<typeof handlersFor>, jar: Jar): Promise<MeResponse> {
  return (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
}

describe('login_hint on /login', () => {
  it('passes a valid login_hint to startLogin as the login_hint parameter', async () => {
    const rp = fakeRp();
    await handlersFor(rp).login(new Request(`${ORIGIN}/auth/login?login_hint=001085000017`));
    expect(rp.calls[0]?.args[0]).toEqual({
      returnTo: '/',
      extraParams: { login_hint: '001085000017' },
    });
  });

  it.each([
    ['too long', '0'.repeat(129)],
    ['a space', '001085 000017'],
    ['a control character', '001085000017\n'],
    ['non-ASCII', 'Nguyễn'],
  ])('refuses a login_hint with %s, never echoing it', async (_label, hint) => {
    const rp = fakeRp();
    const response = await handlersFor(rp).login(
      new Request(`${ORIGIN}/auth/login?login_hint=${encodeURIComponent(hint)}`),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'input_invalid', path: 'login_hint' },
    });
    expect(text).not.toContain(hint.trim());
    expect(rp.calls).toEqual([]);
  });
});

describe('onLogin hook', () => {
  it('is called with the result and the request before the session is written; nothing returned goes on', async () => {
    clock.now = T0;
    const seen: { result: LoginResult; url: string; hadSession: boolean }[] = [];
    const jar = new Jar();
    const auth = handlersFor(fakeRp(), {
      onLogin: async (result, request) => {
        const current = await auth.getSession(jar.request(`${ORIGIN}/`));
        seen.push({ result, url: request.url, hadSession: current !== undefined });
      },
    });
    const callback = await loginWith(auth, jar, '?returnTo=%2Faccount');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/account');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.result.identity.subject).toBe('citizen-1');
    expect(seen[0]?.url).toContain('/auth/callback?code=good');
    expect(seen[0]?.hadSession).toBe(false);
    expect((await meOf(auth, jar)).status).toBe('authenticated');
  });

  it('a returned Response is sent instead: no session written, login cookie cleared, previous session kept', async () => {
    clock.now = T0;
    const rp = fakeRp();
    let refuse = false;
    const auth = handlersFor(rp, {
      onLogin: (result) =>
        refuse
          ? Response.redirect(`${ORIGIN}/link-account?sub=${result.identity.subject}`, 303)
          : undefined,
    });
    const jar = new Jar();
    await loginWith(auth, jar);
    const before = jar.cookies.get(SESSION);
    expect(before).toBeTypeOf('string');

    refuse = true;
    rp.nextResult = resultFor({ sub: 'citizen-2' });
    const start = await auth.login(jar.request(`${ORIGIN}/auth/login`));
    jar.apply(start);
    const callback = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${ORIGIN}/link-account?sub=citizen-2`);
    expect(callback.headers.get('cache-control')).toBe('no-store');
    const cookies = callback.headers.getSetCookie();
    expect(cookies.some((c) => c.startsWith(`${TX}=;`) || c.startsWith(`${TX}=`))).toBe(true);
    expect(cookies.some((c) => c.startsWith(`${SESSION}=`))).toBe(false);
    jar.apply(callback);
    expect(jar.cookies.has(TX)).toBe(false);
    expect(jar.cookies.get(SESSION)).toBe(before);
    const me = await meOf(auth, jar);
    expect(me).toMatchObject({ status: 'authenticated' });
    expect(JSON.stringify(me)).not.toContain('citizen-2');
  });

  it.each([
    ['a DinhDanhError', new DinhDanhError('access_denied', 'Not a customer yet.'), 'access_denied'],
    ['any other error', new Error('db down 001085000017'), 'server_error'],
  ])('throwing %s answers that error and writes no session', async (_label, thrown, code) => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), {
      onLogin: () => {
        throw thrown;
      },
    });
    const jar = new Jar();
    const callback = await loginWith(auth, jar);
    expect(callback.headers.getSetCookie().some((c) => c.startsWith(`${SESSION}=`))).toBe(false);
    expect(await errorCode(callback)).toBe(code);
    expect(jar.cookies.has(TX)).toBe(false);
    expect((await meOf(auth, jar)).status).toBe('anonymous');
  });

  it('onError renders what onLogin throws', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), {
      onLogin: () => Promise.reject(new DinhDanhError('access_denied', 'No.')),
      onError: (error) => new Response(`refused: ${error.code}`, { status: 403 }),
    });
    const callback = await loginWith(auth, new Jar());
    expect(callback.status).toBe(403);
    expect(await callback.text()).toBe('refused: access_denied');
  });

  it('returning something else than nothing or a Response is config_invalid, no session', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), {
      onLogin: (() => ({ ok: true })) as never,
    });
    const jar = new Jar();
    const callback = await loginWith(auth, jar);
    expect(await errorCode(callback)).toBe('config_invalid');
    expect((await meOf(auth, jar)).status).toBe('anonymous');
  });

  function qrRp() {
    const rp = fakeRp();
    const tx = transactionFor();
    rp.startQrLogin = () =>
      Promise.resolve({
        handle: {
          v: 1,
          transport: 'device_code',
          ref: 'device-code-1',
          level: tx.level,
          claims: tx.claims,
          issuer: tx.issuer,
          createdAt: T0,
          expiresAt: T0 + 600_000,
          interval: 5,
        },
        qrUri: 'https://id.example/device?user_code=ABCD',
        expiresAt: T0 + 600_000,
        interval: 5,
      });
    rp.pollQrLogin = () => Promise.resolve({ status: 'approved', result: rp.nextResult });
    return rp;
  }

  async function qrApproved(auth: ReturnType<typeof handlersFor>, jar: Jar): Promise<Response> {
    jar.apply(
      await auth.qrStart(
        jar.request(`${ORIGIN}/auth/qr/start`, {
          method: 'POST',
          headers: { origin: ORIGIN, 'content-type': 'application/json' },
          body: '{}',
        }),
      ),
    );
    expect(jar.cookies.has('__Host-dinhdanh.qr')).toBe(true);
    return auth.qrPoll(jar.request(`${ORIGIN}/auth/qr/poll`));
  }

  it('runs for an approved QR login too: a Response replaces the session', async () => {
    clock.now = T0;
    const calls: string[] = [];
    const auth = handlersFor(qrRp(), {
      onLogin: (result) => {
        calls.push(result.identity.subject);
        return new Response('link your account first', { status: 409 });
      },
    });
    const jar = new Jar();
    const poll = await qrApproved(auth, jar);
    expect(poll.status).toBe(409);
    expect(await poll.text()).toBe('link your account first');
    jar.apply(poll);
    expect(calls).toEqual(['citizen-1']);
    expect(jar.cookies.has('__Host-dinhdanh.qr')).toBe(false);
    expect(jar.cookies.has(SESSION)).toBe(false);
  });

  it('a QR login refused by onLogin answers the error, clears the QR cookie, writes no session', async () => {
    clock.now = T0;
    const auth = handlersFor(qrRp(), {
      onLogin: () => {
        throw new DinhDanhError('access_denied', 'Not a customer.');
      },
    });
    const jar = new Jar();
    const poll = await qrApproved(auth, jar);
    expect(poll.status).toBe(403);
    expect(await errorCode(poll)).toBe('access_denied');
    jar.apply(poll);
    expect(jar.cookies.has('__Host-dinhdanh.qr')).toBe(false);
    expect(jar.cookies.has(SESSION)).toBe(false);
  });
});
