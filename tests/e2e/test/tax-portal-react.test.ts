/**
 * Cổng Thuế Demo (examples/tax-portal-react) in a real browser, keyboard only: log in
 * through the mock's DVCQG dialect, consent without the phone number, a form prefilled with
 * only what was shared, a submission at level 1 refused by the BFF, a step-up, and the
 * submission at level 2, and logout. axe (WCAG 2.1 AA) on every page shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS as T } from '@dinhdanh/mock-idp';
import taxPortal from '../../../examples/tax-portal-react/src/demo.ts';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';
import { startDemo, type RunningDemo } from '../support/demo';
import { pageProblems, tabAndPress, tabAndType, tabTo } from '../support/reactex';

const id = (testId: string) => `[data-testid="${testId}"]`;

describe.skipIf(!HAS_CHROMIUM)(`Cổng Thuế Demo, React + BFF (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let demo: RunningDemo;
  let url: string;

  beforeAll(async () => {
    demo = await startDemo([taxPortal]);
    url = demo.urls['tax-portal-react']!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** The mock's picker: choose a persona and continue, by keyboard. */
  async function pickPersona(page: Page, persona: string): Promise<void> {
    await page.waitForSelector(id(T.loginForm));
    expect(await axeFindings(page)).toEqual([]);
    await tabTo(page, id(`${T.persona}-${persona}`));
    await page.keyboard.press('Space');
    expect(await page.isChecked(id(`${T.persona}-${persona}`))).toBe(true);
    await tabAndPress(page, id(T.loginSubmit));
  }

  /** The mock's consent page: untick `withhold`, approve, by keyboard. */
  async function consent(page: Page, withhold: readonly string[]): Promise<void> {
    await page.waitForSelector(id(T.consentForm));
    expect(await axeFindings(page)).toEqual([]);
    for (const attribute of withhold) {
      await tabAndPress(page, id(`${T.attribute}-${attribute}`), 'Space');
      expect(await page.isChecked(id(`${T.attribute}-${attribute}`))).toBe(false);
    }
    await tabAndPress(page, id(T.approve));
  }

  async function submitStatus(page: Page, body: unknown) {
    return page.evaluate(async (json) => {
      const response = await fetch('/api/to-khai', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(json),
      });
      return {
        status: response.status,
        challenge: response.headers.get('www-authenticate'),
        body: (await response.json()) as { error?: { code?: string } },
      };
    }, body);
  }

  const declaration = { fullName: 'Trần Thị Bình', taxCode: '8098765432', year: 2025, income: 1 };

  it('log in, share all but the phone, prefilled form; level 1 refused, step-up, submitted at level 2', async () => {
    await withPage(browser, 'tax-portal-react', async (page) => {
      const problems = pageProblems(page);
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await page.waitForSelector('.dinhdanh-login-button');
      expect(await page.textContent('h1')).toBe('Tờ khai thuế thu nhập cá nhân');
      expect(await page.locator('main').count()).toBe(1);
      expect(await axeFindings(page)).toEqual([]);
      // The BFF refuses an anonymous API call with JSON, not a redirect.
      const anonymous = await submitStatus(page, declaration);
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error?.code).toBe('session_missing');

      await tabAndPress(page, '.dinhdanh-login-button');
      await pickPersona(page, 'citizen-l1');
      await consent(page, ['phone']);

      await page.waitForSelector(id('tax-form'));
      expect(new URL(page.url()).origin).toBe(new URL(url).origin);
      expect(await page.textContent(id('account-name'))).toBe('Trần Thị Bình');
      expect(await page.getAttribute(id('account-level'), 'data-level')).toBe('1');
      expect(await axeFindings(page)).toEqual([]);

      // Prefilled with what was shared; the withheld phone stays empty and says so.
      expect(await page.inputValue('#f-hoTen')).toBe('Trần Thị Bình');
      expect(await page.inputValue('#f-ngaySinh')).toBe('1992-07-02');
      expect(await page.inputValue('#f-thuDienTu')).toBe('binh.tran@example.com');
      expect(await page.getAttribute('#f-hoTen', 'data-prefill')).toBe('filled');
      expect(await page.inputValue('#f-dienThoai')).toBe('');
      expect(await page.getAttribute('#f-dienThoai', 'data-prefill')).toBe('not_shared');
      expect(await page.textContent(id('note-dienThoai'))).toContain('Số điện thoại');
      const describedBy = await page.getAttribute('#f-dienThoai', 'aria-describedby');
      expect(await page.getAttribute(`[id="${describedBy ?? ''}"]`, 'data-testid')).toBe(
        'note-dienThoai',
      );

      // The BFF checks the level itself: 401 with an RFC 9470 challenge for an API call.
      const low = await submitStatus(page, declaration);
      expect(low.status).toBe(401);
      expect(low.body.error?.code).toBe('insufficient_level');
      expect(low.challenge).toContain('insufficient_user_authentication');

      await tabAndType(page, '#f-mst', declaration.taxCode);
      await tabAndType(page, '#f-thuNhap', '120000000');
      await tabAndPress(page, 'button[type="submit"]');
      await page.waitForSelector(id('needs-level'));
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'outcome',
      );
      expect(await axeFindings(page)).toEqual([]);

      // Step up: a fresh login at level 2 (the mock's level-2 citizen).
      await tabAndPress(page, `${id('needs-level')} button`);
      await pickPersona(page, 'citizen-l2');
      await consent(page, []);
      await page.waitForSelector(id('tax-form'));
      expect(await page.getAttribute(id('account-level'), 'data-level')).toBe('2');
      expect(await page.textContent(id('account-name'))).toBe('Nguyễn Văn An');
      expect(await page.inputValue('#f-mst')).toBe('8012345678');
      expect(await page.inputValue('#f-dienThoai')).not.toBe('');

      await tabAndType(page, '#f-thuNhap', '240000000');
      await tabAndPress(page, 'button[type="submit"]');
      const submitted = await page.waitForSelector(id('submitted'));
      expect(await submitted.textContent()).toMatch(/Mã hồ sơ TK-[0-9A-F]{8}, xác thực mức 2/);
      expect(await axeFindings(page)).toEqual([]);
      // Logout: core's CSRF-checked POST, the provider's logout, back here signed out.
      await tabAndPress(page, 'header button');
      await page.waitForSelector('.dinhdanh-login-button');
      expect(new URL(page.url()).origin).toBe(new URL(url).origin);
      expect(await page.locator(id('account')).count()).toBe(0);
      expect(await axeFindings(page)).toEqual([]);
      // Expected refusals of the test's own API calls are logged by the browser; nothing else.
      expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
    });
  });

  it('the BFF refuses a state-changing call from another origin (403 JSON)', async () => {
    const response = await fetch(`${url}/api/to-khai`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify(declaration),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_failed');
  });

  it('serves every page under a strict Content-Security-Policy', async () => {
    const response = await fetch(url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});
