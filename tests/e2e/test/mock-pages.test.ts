/** The mock's citizen-facing pages in a real browser: accessible (axe, WCAG 2.1 AA). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { PAGE_TEST_IDS, startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';

const REDIRECT = 'http://127.0.0.1/callback';

describe.skipIf(!HAS_CHROMIUM)(`the mock's pages (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let mock: RunningMockIdp;

  beforeAll(async () => {
    mock = await startMockIdp({
      port: 0,
      clients: [
        {
          clientId: 'e2e-pages',
          clientSecret: 'e2e-pages-secret-0123456789-0123456789',
          name: 'Cổng thử nghiệm',
          purpose: 'Kiểm thử khả năng truy cập',
          redirectUris: [REDIRECT],
          authMethods: ['client_secret_basic'],
        },
      ],
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  function authorizeUrl(locale?: string): string {
    const url = new URL('/authorize', mock.issuer);
    url.search = new URLSearchParams({
      client_id: 'e2e-pages',
      response_type: 'code',
      redirect_uri: REDIRECT,
      scope: 'openid profile phone',
      state: 'state-0123456789',
      nonce: 'nonce-0123456789',
      // PKCE is required; the verifier is never used, the test stops at the consent page.
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
      ...(locale === undefined ? {} : { ui_locales: locale }),
    }).toString();
    return url.href;
  }

  for (const locale of ['vi', 'en']) {
    it(`the persona picker and the consent page pass axe (${locale})`, async () => {
      await withPage(browser, `mock-pages-${locale}`, async (page) => {
        const id = (testId: string) => page.locator(`[data-testid="${testId}"]`);
        await page.goto(authorizeUrl(locale));
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        expect(await axeFindings(page)).toEqual([]);
        await id('persona-citizen-l2').check();
        await id(PAGE_TEST_IDS.loginSubmit).click();
        await page.waitForSelector(`[data-testid="${PAGE_TEST_IDS.consentForm}"]`);
        expect(await axeFindings(page)).toEqual([]);
      });
    });
  }
});
