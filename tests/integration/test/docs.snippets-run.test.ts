/**
 * The getting-started snippets run end to end against the mock: the files under ./docs/
 * are embedded verbatim in docs/*.md (docs.snippets-compile.test.ts checks that, and that
 * every ```ts block in the docs compiles).
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelyingParty, isDinhDanhError, oidc, type MeResponse } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { app } from './docs/app';
import { Browser, logInAtMock } from './docs/check/browser';
import { loginAs } from './docs/headless-login';

const idp = createMockIdp(); // the issuer the app is configured with: http://127.0.0.1:9400
const server = setupServer(...mockIdpHandlers(idp));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await idp.close();
});

describe('docs/getting-started.md', () => {
  it('the app logs a citizen in through the persona picker and consent screen', async () => {
    const browser = new Browser(app);
    const home = await browser.get('/');
    expect(home.status).toBe(302);
    const loginPath = home.headers.get('location')!;
    const back = await logInAtMock(idp, browser, loginPath, 'citizen-l2', ['name', 'birthdate']);
    expect(back).toBe('/');

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
