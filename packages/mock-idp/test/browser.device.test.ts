import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import type { Browser } from 'playwright-core';
import { startMockIdp, type RunningMockIdp } from '../src/node';
import { PAGE_TEST_IDS } from '../src/pages';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from './browser';
import { discoverOverHttp } from './helpers';

const SECRET = 'tv-app-secret-0123456789-0123456789-abcd';

describe.skipIf(!HAS_CHROMIUM)(`phone page of a cross-device login (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let mock: RunningMockIdp;
  let config: oidc.Configuration;

  beforeAll(async () => {
    mock = await startMockIdp({
      port: 0,
      devicePollInterval: 1,
      clients: [
        {
          clientId: 'kiosk',
          clientSecret: SECRET,
          name: 'Ki-ốt dịch vụ công',
          redirectUris: ['http://127.0.0.1/unused'],
          authMethods: ['client_secret_basic'],
        },
      ],
    });
    config = await discoverOverHttp(mock.issuer, 'kiosk', SECRET);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('types the user code, picks a persona, approves, and the device gets tokens', async () => {
    const started = await oidc.initiateDeviceAuthorization(config, { scope: 'openid profile' });
    const page = await browser.newPage();
    const id = (testId: string) => page.locator(`[data-testid="${testId}"]`);

    await page.goto(`${started.verification_uri}?ui_locales=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await id(PAGE_TEST_IDS.userCode).fill('not-a-code');
    await id(PAGE_TEST_IDS.deviceCodeSubmit).click();
    await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.formError}"]`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await id(PAGE_TEST_IDS.userCode).fill(started.user_code);
    await id(PAGE_TEST_IDS.deviceCodeSubmit).click();
    await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.deviceConfirmForm}"]`);
    expect(await id(PAGE_TEST_IDS.client).textContent()).toBe('Ki-ốt dịch vụ công');
    await id('persona-citizen-l2').check();
    await id(PAGE_TEST_IDS.approve).click();
    await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.deviceResult}"]`);
    expect(await id(PAGE_TEST_IDS.deviceResult).getAttribute('data-state')).toBe('approved');
    await page.close();

    const tokens = await oidc.pollDeviceAuthorizationGrant(config, started);
    expect(tokens.claims()?.sub).toBeTruthy();
  });

  it('opens the QR link (verification_uri_complete) straight on the picker, and deny ends the login', async () => {
    const started = await oidc.initiateDeviceAuthorization(config, { scope: 'openid' });
    const page = await browser.newPage();
    await page.goto(started.verification_uri_complete!);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.locator(`[data-testid="${PAGE_TEST_IDS.deny}"]`).click();
    await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.deviceResult}"]`);
    expect(
      await page
        .locator(`[data-testid="${PAGE_TEST_IDS.deviceResult}"]`)
        .getAttribute('data-state'),
    ).toBe('denied');
    await page.close();
    await expect(oidc.pollDeviceAuthorizationGrant(config, started)).rejects.toMatchObject({
      error: 'access_denied',
    });
  });
});
