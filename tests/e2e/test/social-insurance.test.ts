/**
 * examples/social-insurance in Chromium against the mock: a citizen's insurance numbers after
 * consent, an unshared attribute said plainly, a guardian reaching her child's record, logout,
 * a keyboard-only pass, and axe (WCAG 2.1 AA) on every page the example shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS } from '@dinhdanh/mock-idp';
import socialInsurance from '../../../examples/social-insurance/src/demo.ts';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';
import { startDemo, type RunningDemo } from '../support/demo';

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Presses Tab until the focused element matches `selector` (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** In a focused radio group, moves with the arrow keys to the radio `selector` and checks it. */
async function arrowTo(page: Page, selector: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached ${selector}`);
}

/** Whether the focused element draws a visible focus indicator. */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (focused === null) return false;
    const style = getComputedStyle(focused);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

describe.skipIf(!HAS_CHROMIUM)(`examples/social-insurance in Chromium (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let demo: RunningDemo;
  let app: string;

  beforeAll(async () => {
    demo = await startDemo([socialInsurance]);
    app = demo.urls['social-insurance']!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** Picks a persona on the mock's picker, then (when asked) consents with `share` ticked. */
  async function atProvider(
    page: Page,
    persona: string,
    consent?: { share?: readonly string[]; unshare?: readonly string[] },
  ): Promise<void> {
    await byTestId(page, `${PAGE_TEST_IDS.persona}-${persona}`).check();
    await byTestId(page, PAGE_TEST_IDS.loginSubmit).click();
    if (consent === undefined) return;
    await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
    for (const name of consent.share ?? []) {
      await byTestId(page, `${PAGE_TEST_IDS.attribute}-${name}`).check();
    }
    for (const name of consent.unshare ?? []) {
      await byTestId(page, `${PAGE_TEST_IDS.attribute}-${name}`).uncheck();
    }
    await byTestId(page, PAGE_TEST_IDS.approve).click();
  }

  async function expectAccessible(page: Page): Promise<void> {
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await axeFindings(page)).toEqual([]);
  }

  it('an adult logs in, consents, and sees both insurance numbers', async () => {
    await withPage(browser, 'social-insurance-adult', async (page) => {
      await page.goto(app);
      await expectAccessible(page);
      await byTestId(page, 'login').click();
      await atProvider(page, 'citizen-l2', { share: ['socialInsurance', 'healthInsurance'] });
      await page.waitForURL(`${app}/`);
      await expect
        .poll(() => byTestId(page, 'own-socialInsurance').textContent())
        .toBe('0112345678');
      expect(await byTestId(page, 'own-healthInsurance').textContent()).toBe('GD4010112345678');
      expect(await byTestId(page, 'own-healthInsurance-validity').textContent()).toMatch(/còn hạn/);
      expect(await byTestId(page, 'viewer-name').textContent()).toBe('Nguyễn Văn An');
      await expectAccessible(page);

      await byTestId(page, 'logout').click();
      await page.waitForURL(`${app}/signed-out`);
      await expect.poll(() => byTestId(page, 'signed-out').isVisible()).toBe(true);
      await expectAccessible(page);
      await page.goto(app);
      expect(await byTestId(page, 'login').isVisible()).toBe(true);
    });
  });

  it('an attribute left unticked says on the page that it was not shared', async () => {
    await withPage(browser, 'social-insurance-unshared', async (page) => {
      await page.goto(`${app}/auth/login`);
      await atProvider(page, 'citizen-l2', { share: ['socialInsurance'], unshare: ['birthdate'] });
      await page.waitForURL(`${app}/`);
      const health = byTestId(page, 'own-healthInsurance');
      expect(await health.getAttribute('data-shared')).toBe('false');
      expect(await health.innerText()).toMatch(/^Không được chia sẻ — /);
      expect(await byTestId(page, 'own-birthdate').getAttribute('data-shared')).toBe('false');
      expect(await byTestId(page, 'own-socialInsurance').textContent()).toBe('0112345678');
      expect(await page.content()).not.toContain('GD4010112345678');
      expect(await byTestId(page, 'consent').innerText()).toMatch(
        /Không chia sẻ\s+Ngày, tháng, năm sinh\s+Thẻ bảo hiểm y tế/,
      );
      await expectAccessible(page);
    });
  });

  it("the guardian reaches her child's record; someone else cannot", async () => {
    await withPage(browser, 'social-insurance-guardian', async (page) => {
      await page.goto(`${app}/auth/login`);
      await atProvider(page, 'guardian', { share: ['socialInsurance'] });
      await page.waitForURL(`${app}/`);
      expect(await byTestId(page, 'own-socialInsurance').textContent()).toBe('3112345678');
      await page.getByRole('link', { name: 'Hồ sơ của con' }).click();
      await page.waitForURL(`${app}/children`);
      expect(await byTestId(page, 'no-children').isVisible()).toBe(true);
      await expectAccessible(page);

      await byTestId(page, 'add-child').click();
      await atProvider(page, 'child', { share: ['healthInsurance'] });
      await page.waitForURL(`${app}/children`);
      const child = byTestId(page, 'child-record');
      expect(await child.getByRole('heading', { level: 2 }).textContent()).toBe('Phạm Minh Khang');
      expect(await byTestId(page, 'child-1-healthInsurance').textContent()).toBe('TE1313112345678');
      expect(await byTestId(page, 'viewer-name').textContent()).toBe('Phạm Thị Dung');
      await expectAccessible(page);
    });

    await withPage(browser, 'social-insurance-not-guardian', async (page) => {
      await page.goto(`${app}/auth/login`);
      await atProvider(page, 'citizen-l2', {});
      await page.waitForURL(`${app}/`);
      await page.goto(`${app}/children`);
      await byTestId(page, 'add-child').click();
      await atProvider(page, 'child', { share: ['healthInsurance'] });
      await byTestId(page, 'refusal').waitFor();
      expect(await byTestId(page, 'refusal').getAttribute('data-reason')).toBe('not-the-guardian');
      expect(await page.content()).not.toMatch(/Khang|TE1313112345678/);
      await expectAccessible(page);
    });
  });

  it('a level-1 account gets the error page, which is accessible too', async () => {
    await withPage(browser, 'social-insurance-level-1', async (page) => {
      await page.goto(`${app}/auth/login`);
      await atProvider(page, 'citizen-l1');
      await byTestId(page, 'error-code').waitFor();
      expect(await byTestId(page, 'error-code').textContent()).toBe(
        'unmet_authentication_requirements',
      );
      expect(await page.locator('h1').textContent()).toBe('Cần tài khoản định danh mức cao hơn');
      await expectAccessible(page);
    });
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    await withPage(browser, 'social-insurance-keyboard', async (page) => {
      await page.goto(app);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
        'Bỏ qua, đến nội dung chính',
      );
      expect(await focusVisible(page)).toBe(true);
      await tabTo(page, '[data-testid="login"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');

      // The provider's picker and consent screen.
      await byTestId(page, PAGE_TEST_IDS.loginForm).waitFor();
      await tabTo(page, 'input[type="radio"]');
      await arrowTo(page, `[data-testid="${PAGE_TEST_IDS.persona}-citizen-l2"]`);
      await tabTo(page, `[data-testid="${PAGE_TEST_IDS.loginSubmit}"]`);
      await page.keyboard.press('Enter');
      await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
      for (const name of ['socialInsurance', 'healthInsurance']) {
        await tabTo(page, `[data-testid="${PAGE_TEST_IDS.attribute}-${name}"]`);
        await page.keyboard.press('Space');
      }
      await tabTo(page, `[data-testid="${PAGE_TEST_IDS.approve}"]`);
      await page.keyboard.press('Enter');

      await page.waitForURL(`${app}/`);
      await byTestId(page, 'own-healthInsurance').waitFor();
      expect(await byTestId(page, 'own-socialInsurance').textContent()).toBe('0112345678');
      expect(await byTestId(page, 'own-healthInsurance').textContent()).toBe('GD4010112345678');

      await tabTo(page, 'a[href="/children"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${app}/children`);
      await tabTo(page, '[data-testid="logout"]');
      expect(await focusVisible(page)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${app}/signed-out`);
      await tabTo(page, 'main a[href="/auth/login"]');
      expect(await focusVisible(page)).toBe(true);
    });
  });
});
