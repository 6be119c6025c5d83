import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import { startMockIdp, type RunningMockIdp } from '../src/node';
import { PAGE_TEST_IDS } from '../src/pages';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from './browser';
import { authorizationRequest, discoverOverHttp, exchange } from './helpers';

const SECRET = 'browser-rp-secret-0123456789-0123456789';

describe.skipIf(!HAS_CHROMIUM)(`interactive login in a real browser (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let rp: Server;
  let mock: RunningMockIdp;
  let config: oidc.Configuration;
  let redirectUri: string;

  beforeAll(async () => {
    rp = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'),
    );
    await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
    redirectUri = `http://127.0.0.1:${(rp.address() as AddressInfo).port}/callback`;
    mock = await startMockIdp({
      port: 0,
      clients: [
        {
          clientId: 'browser-rp',
          clientSecret: SECRET,
          name: 'Cổng dịch vụ thử nghiệm',
          purpose: 'Đăng ký tài khoản dịch vụ công',
          redirectUris: [redirectUri],
          authMethods: ['client_secret_basic'],
        },
      ],
    });
    config = await discoverOverHttp(mock.issuer, 'browser-rp', SECRET);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    await new Promise((resolve) => rp?.close(resolve));
  });

  /** Picker → consent (optionally unticking phone by keyboard) → approve → code → userinfo. */
  async function interactiveLogin(untickPhone: boolean) {
    const { url, ...checks } = await authorizationRequest(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile phone',
      claims: JSON.stringify({ userinfo: { name: { essential: true } } }),
    });
    const page = await browser.newPage();
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    const id = (testId: string) => page.locator(`[data-testid="${testId}"]`);

    await page.goto(url.href);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await id(PAGE_TEST_IDS.page).getAttribute('data-page')).toBe('login');
    await expect.poll(() => id(PAGE_TEST_IDS.client).textContent()).toBe('Cổng dịch vụ thử nghiệm');
    await id('persona-citizen-l2').check();
    await id(PAGE_TEST_IDS.loginSubmit).click();

    await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.consentForm}"]`);
    expect(await id(PAGE_TEST_IDS.consentPurpose).textContent()).toBe(
      'Đăng ký tài khoản dịch vụ công',
    );
    expect(await page.textContent('body')).toContain('Họ, chữ đệm và tên');
    const phone = id('attribute-phone');
    expect(await phone.isChecked()).toBe(true);
    if (untickPhone) {
      await phone.focus();
      await page.keyboard.press('Space');
      expect(await phone.isChecked()).toBe(false);
    }
    await id(PAGE_TEST_IDS.approve).focus();
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(redirectUri)),
      page.keyboard.press('Enter'),
    ]);

    const callback = new URL(page.url());
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('iss')).toBe(mock.issuer);
    const tokens = await exchange(config, { callback, ...checks });
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(cspViolations).toEqual([]);
    await page.close();
    return userinfo;
  }

  it('picks a persona, unticks an optional attribute by keyboard, approves, and lands on the callback with a code', async () => {
    const userinfo = await interactiveLogin(true);
    expect(userinfo.name).toBeTruthy();
    expect(userinfo.phone_number).toBeUndefined();
  });

  it('shares the optional attribute when the citizen leaves it ticked', async () => {
    const userinfo = await interactiveLogin(false);
    expect(userinfo.phone_number).toBeTruthy();
  });

  it('logs in with the keyboard alone, with a visible focus ring', async () => {
    const { url } = await authorizationRequest(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
    });
    const page = await browser.newPage();
    await page.goto(url.href);
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          testId: el?.getAttribute('data-testid') ?? null,
          outline: el === null ? 'none' : getComputedStyle(el).outlineStyle,
        };
      });
    // Tab lands on the preselected persona of the radio group, then on "continue".
    await page.keyboard.press('Tab');
    const radio = await focused();
    expect(radio.testId).toMatch(/^persona-/);
    expect(radio.outline).not.toBe('none');
    await page.keyboard.press('Tab');
    const submit = await focused();
    expect(submit.testId).toBe(PAGE_TEST_IDS.loginSubmit);
    expect(submit.outline).not.toBe('none');
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(redirectUri)),
      page.keyboard.press('Enter'),
    ]);
    expect(new URL(page.url()).searchParams.get('code')).toBeTruthy();
    await page.close();
  });

  it('shows the picker in English with ui_locales=en, and cancel returns access_denied', async () => {
    const { url } = await authorizationRequest(config, {
      redirect_uri: redirectUri,
      scope: 'openid',
      ui_locales: 'en',
    });
    const page = await browser.newPage();
    await page.goto(url.href);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('h1')).toBe('Log in with your electronic identity');
    await Promise.all([
      page.waitForURL((u) => u.href.startsWith(redirectUri)),
      page.locator(`[data-testid="${PAGE_TEST_IDS.loginCancel}"]`).click(),
    ]);
    expect(new URL(page.url()).searchParams.get('error')).toBe('access_denied');
    await page.close();
  });
});
