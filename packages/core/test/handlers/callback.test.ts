import { describe, expect, it } from 'vitest';
import { sealTransaction, type MeResponse } from '@dinhdanh/core';
import {
  clock,
  errorCode,
  fakeRp,
  handlersFor,
  Jar,
  ORIGIN,
  SECRET,
  setCookies,
  T0,
  transactionFor,
} from './support';

const OTHER_SECRET = 'another-secret-another-secret-another-secret!';

async function callbackWith(
  cookie: string | undefined,
  query = '?code=good&state=state-1',
  accept?: string,
) {
  const rp = fakeRp();
  const auth = handlersFor(rp);
  const headers: Record<string, string> = {};
  if (cookie !== undefined) headers.cookie = `__Host-dinhdanh.tx=${cookie}`;
  if (accept !== undefined) headers.accept = accept;
  const response = await auth.callback(new Request(`${ORIGIN}/auth/callback${query}`, { headers }));
  return { rp, response };
}

describe('callback rejections', () => {
  it('no transaction cookie → transaction_invalid (400), provider not called', async () => {
    clock.now = T0;
    const { rp, response } = await callbackWith(undefined);
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('transaction_invalid');
    expect(rp.calls).toEqual([]);
  });

  it('tampered or foreign transaction cookie → transaction_invalid', async () => {
    clock.now = T0;
    const good = await sealTransaction(transactionFor(), { secrets: SECRET, now: () => T0 });
    const tampered = `${good.slice(0, -4)}AAAA`;
    expect(await errorCode((await callbackWith(tampered)).response)).toBe('transaction_invalid');
    const foreign = await sealTransaction(transactionFor(), {
      secrets: OTHER_SECRET,
      now: () => T0,
    });
    expect(await errorCode((await callbackWith(foreign)).response)).toBe('transaction_invalid');
    expect(await errorCode((await callbackWith('garbage')).response)).toBe('transaction_invalid');
  });

  it('expired transaction → transaction_expired', async () => {
    const sealed = await sealTransaction(transactionFor(), { secrets: SECRET, now: () => T0 });
    clock.now = T0 + 601_000;
    const { response } = await callbackWith(sealed);
    expect(await errorCode(response)).toBe('transaction_expired');
    clock.now = T0;
  });

  it('engine refusals keep their code; the transaction cookie is cleared; no session', async () => {
    clock.now = T0;
    const sealed = await sealTransaction(transactionFor(), { secrets: SECRET, now: () => T0 });
    const { response } = await callbackWith(sealed, '?code=good&state=other');
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('state_mismatch');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const cookies = setCookies(response);
    expect(cookies.map((c) => [c.name, c.maxAge])).toEqual([['__Host-dinhdanh.tx', 0]]);
  });

  it('answers browsers with an HTML page carrying the code, escaped, without tokens', async () => {
    clock.now = T0;
    const sealed = await sealTransaction(transactionFor(), { secrets: SECRET, now: () => T0 });
    const { response } = await callbackWith(
      sealed,
      '?code=bad&state=state-1',
      'text/html,application/xhtml+xml',
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<code data-testid="error-code">invalid_grant</code>');
    expect(html).not.toContain('AT-SECRET');
  });

  it('onError renders the page and the transaction cookie is still cleared', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp(), {
      onError: (error) => new Response(`custom ${error.code}`, { status: 418 }),
    });
    const response = await auth.callback(
      new Request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(response.status).toBe(418);
    expect(await response.text()).toBe('custom transaction_invalid');
    expect(setCookies(response)[0]).toMatchObject({ name: '__Host-dinhdanh.tx', maxAge: 0 });
  });

  it('unexpected engine failures become a 500 server_error without details', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.finishLogin = () => Promise.reject(new Error('token AT-SECRET leaked in a stack'));
    const auth = handlersFor(rp);
    const jar = new Jar();
    jar.apply(await auth.login(new Request(`${ORIGIN}/auth/login`)));
    const response = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('server_error');
    expect(text).not.toContain('AT-SECRET');
  });

  it('redacts personal ID numbers that reach an error message', async () => {
    clock.now = T0;
    const rp = fakeRp();
    const { DinhDanhError } = await import('@dinhdanh/core');
    rp.finishLogin = () =>
      Promise.reject(new DinhDanhError('claims_invalid', 'pid 001085123456 is odd'));
    const auth = handlersFor(rp);
    const jar = new Jar();
    jar.apply(await auth.login(new Request(`${ORIGIN}/auth/login`)));
    const response = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(response.status).toBe(422);
    expect(await response.text()).not.toContain('001085123456');
  });

  it('a transaction is good once: replaying the callback fails', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    jar.apply(await auth.login(new Request(`${ORIGIN}/auth/login`)));
    const first = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(first.status).toBe(302);
    jar.apply(first);
    const second = await auth.callback(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(await errorCode(second)).toBe('transaction_invalid');
    const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
    expect(me.status).toBe('authenticated');
  });
});

describe('login input', () => {
  it('passes the named request, level, prompt and locale to startLogin', async () => {
    const rp = fakeRp();
    await handlersFor(rp, {
      requests: {
        'open-account': { level: 1, claims: ['name', 'birthdate', 'address'], purpose: 'Mở' },
      },
    }).login(
      new Request(`${ORIGIN}/auth/login?request=open-account&level=2&prompt=login&locale=vi`),
    );
    expect(rp.calls[0]?.args[0]).toEqual({
      returnTo: '/',
      level: 2,
      claims: ['name', 'birthdate', 'address'],
      purpose: 'Mở',
      prompt: 'login',
      locale: 'vi',
    });
  });

  it('stepUp=1 asks the engine for a step-up to the level given', async () => {
    const rp = fakeRp();
    const response = await handlersFor(rp).login(
      new Request(`${ORIGIN}/auth/login?stepUp=1&level=2&returnTo=%2Ftransfer`),
    );
    expect(response.headers.get('location')).toBe(
      'https://id.example/authorize?request_uri=urn:step-up',
    );
    expect(rp.calls).toEqual([{ method: 'stepUp', args: [{ returnTo: '/transfer', level: 2 }] }]);
  });

  for (const [query, path] of [
    ['stepUp=1', 'level'],
    ['stepUp=yes&level=2', 'stepUp'],
    ['level=3', 'level'],
    ['level=abc', 'level'],
    ['claims=name,password', 'claims'],
    ['claims=__proto__', 'claims'],
    ['prompt=always', 'prompt'],
    ['locale=%3Cscript%3E', 'locale'],
    [`purpose=${'x'.repeat(501)}`, 'purpose'],
  ] as const) {
    it(`refuses ${query.slice(0, 30)} with input_invalid`, async () => {
      const rp = fakeRp();
      const response = await handlersFor(rp).login(new Request(`${ORIGIN}/auth/login?${query}`));
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; path?: string } };
      expect(body.error.code).toBe('input_invalid');
      expect(rp.calls).toEqual([]);
      expect(body.error.path).toBe(path);
    });
  }
});
