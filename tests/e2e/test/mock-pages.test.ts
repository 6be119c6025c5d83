/**
 * Every page the mock shows a citizen, in a real browser, in Vietnamese and in English:
 * the page is in the citizen's language (`<html lang>` and its words) and passes axe
 * (WCAG 2.1 AA). Picker (also with a form error), consent, each error page, the device
 * (phone) page and its outcomes, the share phone page and its outcomes, logout, and the
 * start page at the issuer URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS as T } from '@dinhdanh/mock-idp';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';
import { startPagesMock, type PagesMock } from '../support/mock-pages';

/** A few words each page must show in its language (and must not show in the other). */
const WORDS = {
  vi: { page: /Định danh điện tử — máy chủ thử nghiệm/, not: /test server/ },
  en: { page: /Electronic identity — test server/, not: /máy chủ thử nghiệm/ },
} as const;

/** Common English words of the mock's developer strings. */
const ENGLISH = /\b(the|is|this|account|choose|registered|expired|locked)\b/i;

describe.skipIf(!HAS_CHROMIUM)(`every page of the mock (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let mock: PagesMock;

  beforeAll(async () => {
    mock = await startPagesMock();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.mock.close();
  });

  const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

  for (const locale of ['vi', 'en'] as const) {
    /** Checks the page as it is now: language, words, axe; `what` names it in failures. */
    async function check(page: Page, what: string, kind: string): Promise<void> {
      expect(await page.getAttribute('html', 'lang'), what).toBe(locale);
      expect(await byId(page, T.page).getAttribute('data-page'), what).toBe(kind);
      const text = await page.locator('main').innerText();
      expect(await page.locator('header').innerText(), what).toMatch(WORDS[locale].page);
      expect(text, what).not.toMatch(WORDS[locale].not);
      // what a citizen reads (the developer details stay folded away): no English sentence
      // on a Vietnamese page, no raw UTC timestamp on either
      if (locale === 'vi') expect(text, what).not.toMatch(ENGLISH);
      expect(text, what).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
      expect(await axeFindings(page), what).toEqual([]);
    }
    const ui = `ui_locales=${locale}`;

    it(`login: the picker, the picker with an error, consent (${locale})`, async () => {
      await withPage(browser, `mock-pages-login-${locale}`, async (page) => {
        await page.goto(mock.authorizeUrl(locale));
        await check(page, 'picker', 'login');
        // with no persona chosen (the browser's own check bypassed): the form error
        await page.evaluate(() => {
          const form = document.querySelector('form')!;
          form.noValidate = true;
          for (const radio of form.querySelectorAll('input[type=radio]'))
            (radio as HTMLInputElement).checked = false;
          form.requestSubmit();
        });
        await page.waitForSelector(`[data-testid="${T.formError}"]`);
        await check(page, 'picker with an error', 'login');
        await byId(page, `${T.persona}-citizen-l2`).check();
        await byId(page, T.loginSubmit).click();
        await page.waitForSelector(`[data-testid="${T.consentForm}"]`);
        await check(page, 'consent', 'consent');
      });
    });

    it(`the error pages (${locale})`, async () => {
      await withPage(browser, `mock-pages-errors-${locale}`, async (page) => {
        const issuer = mock.mock.issuer;
        const cases: Array<[string, string]> = [
          ['unknown client', mock.authorizeUrl(locale, { client_id: 'nobody' })],
          [
            'unregistered redirect_uri',
            mock.authorizeUrl(locale, { redirect_uri: 'http://localhost:5173/cb' }),
          ],
          ['missing redirect_uri', mock.authorizeUrl(locale, { redirect_uri: '' })],
          ['expired login', `${issuer}/interaction/gone?${ui}`],
          ['bad logout hint', `${issuer}/end_session?id_token_hint=eyJhbGciOiJub25lIn0.e30.&${ui}`],
          [
            'unregistered logout redirect',
            `${issuer}/end_session?client_id=e2e-pages&post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}&${ui}`,
          ],
        ];
        for (const [what, url] of cases) {
          const response = await page.goto(url);
          expect(response?.status(), what).toBeGreaterThanOrEqual(400);
          await check(page, what, 'error');
          expect(await byId(page, T.errorNext).innerText(), what).not.toBe('');
          expect(await byId(page, T.errorDetail).count(), what).toBe(1);
        }
      });
    });

    it(`the device (phone) page and its outcomes (${locale})`, async () => {
      await withPage(browser, `mock-pages-device-${locale}`, async (page) => {
        const device = `${mock.mock.issuer}/device?${ui}`;
        await page.goto(device);
        await check(page, 'enter the code', 'device');
        await byId(page, T.userCode).fill('WRONG-CODE');
        await byId(page, T.deviceCodeSubmit).click();
        await page.waitForSelector(`[data-testid="${T.formError}"]`);
        await check(page, 'wrong code', 'device');

        for (const [persona, decision, outcome] of [
          ['citizen-l2', T.approve, 'approved'],
          ['citizen-l2', T.deny, 'denied'],
          ['locked', T.approve, 'locked'],
        ] as const) {
          await page.goto(`${device}&user_code=${await mock.startDevice()}`);
          await check(page, 'pick', 'device');
          await byId(page, `${T.persona}-${persona}`).check();
          await byId(page, decision).click();
          if (outcome === 'locked') {
            await page.waitForSelector(`[data-testid="${T.formError}"]`);
          } else {
            await page.waitForSelector(
              `[data-testid="${T.deviceResult}"][data-state="${outcome}"]`,
            );
          }
          await check(page, outcome, 'device');
        }
      });
    });

    it(`the share phone page and its outcomes (${locale})`, async () => {
      await withPage(browser, `mock-pages-share-${locale}`, async (page) => {
        for (const [persona, decision, state] of [
          ['citizen-l2', T.approve, 'approved'],
          ['citizen-l2', T.deny, 'denied'],
          ['locked', T.approve, 'locked'],
        ] as const) {
          await page.goto(`${await mock.startShare()}?${ui}`);
          await check(page, 'share', 'share');
          await byId(page, `${T.persona}-${persona}`).check();
          await byId(page, decision).click();
          if (state === 'locked') await page.waitForSelector(`[data-testid="${T.formError}"]`);
          else await page.waitForSelector(`[data-testid="share-result"][data-state="${state}"]`);
          await check(page, state, 'share');
        }
        const link = await mock.startShare();
        mock.clock.t += 301_000; // past the 300 s lifetime
        try {
          await page.goto(`${link}?${ui}`);
          await page.waitForSelector('[data-testid="share-result"][data-state="expired"]');
          await check(page, 'expired', 'share');
        } finally {
          mock.clock.t -= 301_000;
        }
        await page.goto(`${mock.mock.issuer}/share/no-such-transaction?${ui}`);
        await page.waitForSelector('[data-testid="share-result"][data-state="unknown"]');
        await check(page, 'unknown', 'share');
      });
    });

    it(`the logged-out page (${locale})`, async () => {
      await withPage(browser, `mock-pages-logout-${locale}`, async (page) => {
        await page.goto(`${mock.mock.issuer}/end_session?client_id=e2e-pages&${ui}`);
        await check(page, 'logged out', 'logged-out');
        expect(await byId(page, T.client).innerText()).toBe('Cổng thử nghiệm');
      });
    });

    it(`the start page at the issuer URL (${locale})`, async () => {
      await withPage(browser, `mock-pages-home-${locale}`, async (page) => {
        await page.goto(`${mock.mock.issuer}/?${ui}`);
        await check(page, 'start page', 'home');
        expect(await byId(page, `${T.homeClient}-e2e-pages`).innerText()).toBe('Cổng thử nghiệm');
        // the developer details open and pass axe too
        await page.locator('details.developers summary').click();
        expect(await byId(page, T.homeIssuer).innerText()).toBe(mock.mock.issuer);
        expect(await axeFindings(page), 'start page, developer details open').toEqual([]);
      });
    });
  }
});
