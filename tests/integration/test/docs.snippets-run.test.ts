/**
 * The getting-started snippets run end to end against the mock: the files under ./docs/
 * are embedded verbatim in docs/*.md (packages/core/test/docs.snippets.test.ts checks
 * that, and that every ```ts block in the docs compiles).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelyingParty, isDinhDanhError, oidc, type MeResponse } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { app } from './docs/app';
import { loginAs } from './docs/headless-login';

const APP = 'http://localhost:3000';
const idp = createMockIdp(); // the issuer the app is configured with: http://127.0.0.1:9400
const server = setupServer(...mockIdpHandlers(idp));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await idp.close();
});

/** A browser's cookie jar, just enough for one origin. */
class Browser {
  readonly cookies = new Map<string, string>();
  keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
  async get(path: string): Promise<Response> {
    const cookie = [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    const headers = cookie === '' ? undefined : { cookie };
    return this.keep(await app(new Request(new URL(path, APP), headers ? { headers } : {})));
  }
}

function form(url: string, fields: [string, string][]): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

describe('docs/getting-started.md', () => {
  it('the app logs a citizen in through the persona picker and consent screen', async () => {
    const browser = new Browser();
    const home = await browser.get('/');
    expect(home.status).toBe(302);
    const login = await browser.get(home.headers.get('location')!);
    expect(login.status).toBe(302);
    const authorize = login.headers.get('location')!;
    expect(authorize.startsWith(`${idp.issuer}/authorize`)).toBe(true);

    // At the provider: pick a persona, then consent.
    const interaction = (await idp.fetch(new Request(authorize))).headers.get('location')!;
    const picked = await idp.fetch(form(`${interaction}/login`, [['persona', 'citizen-l2']]));
    expect(picked.status).toBe(303);
    const consented = await idp.fetch(
      form(`${interaction}/consent`, [
        ['decision', 'approve'],
        ['attributes', 'name'],
        ['attributes', 'birthdate'],
      ]),
    );
    expect(consented.status).toBe(303);
    const callback = new URL(consented.headers.get('location')!);
    expect(callback.origin).toBe(APP);

    const landed = await browser.get(`${callback.pathname}${callback.search}`);
    expect(landed.status).toBe(302);
    expect(landed.headers.get('location')).toBe('/');

    const page = await browser.get('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('Xin chào, Nguyễn Văn An (level 2)');

    const me = (await (await browser.get('/auth/me')).json()) as MeResponse;
    expect(me).toMatchObject({
      status: 'authenticated',
      level: 2,
      identity: { attributes: { name: { full: 'Nguyễn Văn An' } } },
    });
  });
});

describe('docs/testing-with-the-mock.md', () => {
  it('loginAs logs a level-2 persona in headlessly and returns its Identity', async () => {
    const identity = await loginAs('citizen-l2');
    expect(identity.level).toBe(2);
    expect(identity.accountType).toBe('citizen');
    expect(identity.attributes.name?.full).toBe('Nguyễn Văn An');
    expect(identity.attributes.pid).toMatch(/^\d{12}$/);
  });

  it('a level-1 persona cannot log in where level 2 is required', async () => {
    const failure: unknown = await loginAs('citizen-l1').catch((error: unknown) => error);
    expect(isDinhDanhError(failure, 'unmet_authentication_requirements')).toBe(true);
  });
});

describe('docs/testing-with-the-mock.md: faults and the codes the guide promises', () => {
  const faulty = createMockIdp({ autoApprove: true });
  const rp = createRelyingParty({
    provider: oidc(),
    issuer: faulty.issuer,
    clientId: 'dinhdanh-dev',
    redirectUri: 'http://localhost:3000/auth/callback',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
    },
    fetch: (input, init) => faulty.fetch(new Request(input, init)),
  });
  async function login(): Promise<unknown> {
    const { url, transaction } = await rp.startLogin({
      level: 1,
      claims: ['name'],
      extraParams: { login_hint: 'citizen-l2' },
    });
    const answer = await faulty.fetch(new Request(url));
    return rp.finishLogin(answer.headers.get('location') ?? '', transaction);
  }

  it.each([
    ['id_token_expired', 'token_expired'],
    ['id_token_wrong_nonce', 'nonce_mismatch'],
    ['id_token_bad_signature', 'signature_invalid'],
    ['authorize_access_denied', 'access_denied'],
  ] as const)('%s → %s', async (fault, code) => {
    faulty.setFaults([{ name: fault }]);
    await expect(login()).rejects.toMatchObject({ code });
    faulty.clearFaults();
    await expect(login()).resolves.toMatchObject({ identity: { level: 2 } });
  });

  it('levels-and-consent.md: a sensitive attribute needs a purpose; the consent record keeps it', async () => {
    await expect(rp.startLogin({ claims: ['healthInsurance'] })).rejects.toMatchObject({
      code: 'purpose_required',
    });
    const purpose = 'Mở tài khoản thanh toán và xác minh thẻ bảo hiểm y tế';
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name', 'birthdate', 'pid', 'healthInsurance'],
      required: ['pid'],
      purpose,
      extraParams: { login_hint: 'citizen-l2' },
    });
    const answer = await faulty.fetch(new Request(url));
    const { consent, identity } = await rp.finishLogin(
      answer.headers.get('location') ?? '',
      transaction,
    );
    expect(consent.purpose).toBe(purpose);
    expect(consent.requested).toEqual(expect.arrayContaining(['pid', 'healthInsurance']));
    expect(consent.granted).toEqual(expect.arrayContaining(['pid', 'healthInsurance']));
    expect(identity.attributes.healthInsurance).toBeDefined();
  });
});
