/**
 * What axe does not catch on the mock's pages: a keyboard-only login (Tab, Space, Enter),
 * tap targets on a phone, and what a screen reader announces (read from Chromium's own
 * accessibility tree): a sensitive attribute's label, each persona's hint, a form error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS as T } from '@dinhdanh/mock-idp';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, withPage } from '../support/browser';
import {
  accessibleOf,
  CALLBACK,
  occurrences,
  startPagesMock,
  type PagesMock,
} from '../support/mock-pages';

const PHONE = { width: 375, height: 667 };
/** WCAG 2.5.5 (target size, AAA): 44 CSS pixels. */
const TAP = 44;

describe.skipIf(!HAS_CHROMIUM)(`the mock's pages beyond axe (needs ${CHROMIUM})`, () => {
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

  const focusedTestId = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

  /** Presses Tab until the focused element has `testId` (at most `limit` presses). */
  async function tabTo(page: Page, testId: string, limit = 30): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      await page.keyboard.press('Tab');
      if ((await focusedTestId(page)) === testId) return;
    }
    throw new Error(`${testId} not reached with ${limit} Tabs`);
  }

  async function toConsent(page: Page, locale: string): Promise<void> {
    await page.goto(mock.authorizeUrl(locale));
    await page.locator(`[data-testid="${T.persona}-citizen-l2"]`).check();
    await page.locator(`[data-testid="${T.loginSubmit}"]`).click();
    await page.waitForSelector(`[data-testid="${T.consentForm}"]`);
  }

  it('logs in and consents with the keyboard only (Tab, Space, Enter)', async () => {
    await withPage(browser, 'mock-a11y-keyboard', async (page) => {
      await page.goto(mock.authorizeUrl('vi'));
      // the preselected persona is reached by Tab; Space keeps it chosen
      await tabTo(page, `${T.persona}-citizen-l2`);
      await page.keyboard.press('Space');
      await tabTo(page, T.loginSubmit);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`[data-testid="${T.consentForm}"]`);
      // tick the sensitive attribute (never pre-ticked), untick the phone number
      await tabTo(page, `${T.attribute}-healthInsurance`);
      await page.keyboard.press('Space');
      await tabTo(page, `${T.attribute}-phone`);
      await page.keyboard.press('Space');
      const ticked = (id: string) =>
        page.locator(`[data-testid="${T.attribute}-${id}"]`).isChecked();
      expect(await ticked('healthInsurance')).toBe(true);
      expect(await ticked('phone')).toBe(false);
      await tabTo(page, T.approve);
      const callback = page.waitForRequest((r) => r.url().startsWith(CALLBACK));
      await page.keyboard.press('Enter');
      const back = new URL((await callback).url());
      expect(back.searchParams.get('code')).toBeTruthy();
      expect(back.searchParams.get('state')).toBe('state-0123456789');
    });
  });

  for (const locale of ['vi', 'en'] as const) {
    it(`every consent row is a full-width tap target of at least ${TAP} px on a phone (${locale})`, async () => {
      await withPage(browser, `mock-a11y-tap-${locale}`, async (page) => {
        await page.setViewportSize(PHONE);
        await toConsent(page, locale);
        for (const set of [T.consentRequired, T.consentOptional]) {
          const rows = page.locator(`[data-testid="${set}"] .choice`);
          const boxes = [];
          for (const row of await rows.all()) boxes.push((await row.boundingBox())!);
          expect(boxes.length, set).toBeGreaterThan(0);
          const group = (await page.locator(`[data-testid="${set}"]`).boundingBox())!;
          for (const [i, box] of boxes.entries()) {
            expect(box.height, `${set} row ${i} height`).toBeGreaterThanOrEqual(TAP);
            expect(box.width, `${set} row ${i} width`).toBeGreaterThan(group.width * 0.8);
            // no untappable gap between one row and the next
            const next = boxes[i + 1];
            if (next !== undefined) expect(next.y - (box.y + box.height)).toBeLessThan(1);
          }
        }
        // a tap anywhere in an optional row, even its far corner, toggles its checkbox
        const phone = page.locator(`[data-testid="${T.attribute}-phone"]`);
        const phoneRow = page.locator('.choice', { has: phone });
        await phoneRow.scrollIntoViewIfNeeded();
        const row = (await phoneRow.boundingBox())!;
        expect(await phone.isChecked()).toBe(true);
        await page.mouse.click(row.x + row.width - 3, row.y + row.height - 3);
        expect(await phone.isChecked()).toBe(false);
        await page.mouse.click(row.x + row.width / 2, row.y + 2);
        expect(await phone.isChecked()).toBe(true);
      });
    });

    it(`a sensitive attribute's name is read with a separator before its tag (${locale})`, async () => {
      await withPage(browser, `mock-a11y-sensitive-${locale}`, async (page) => {
        await toConsent(page, locale);
        const { name } = await accessibleOf(page, `[data-testid="${T.attribute}-healthInsurance"]`);
        expect(name).toBe(
          locale === 'vi'
            ? 'Thẻ bảo hiểm y tế — dữ liệu cá nhân nhạy cảm'
            : 'Health insurance card — sensitive personal data',
        );
        const required = await accessibleOf(page, `[data-testid="${T.attribute}-pid"]`);
        expect(required.name).toMatch(/^(Số định danh cá nhân|Personal ID number) — \S/);
      });
    });

    it(`each persona's hint is announced once, as its description (${locale})`, async () => {
      await withPage(browser, `mock-a11y-hint-${locale}`, async (page) => {
        await page.goto(mock.authorizeUrl(locale));
        for (const id of ['citizen-l2', 'child', 'locked', 'organisation']) {
          const hint = (await page.locator(`#persona-${id}-hint`).innerText()).trim();
          expect(hint, id).not.toBe('');
          const { name, description } = await accessibleOf(page, `#persona-${id}`);
          expect(occurrences(`${name} ${description}`, hint), id).toBe(1);
          expect(description, id).toBe(hint);
        }
      });
    });

    it(`a missing choice is tied to the group of personas and focused (${locale})`, async () => {
      await withPage(browser, `mock-a11y-error-${locale}`, async (page) => {
        await page.goto(mock.authorizeUrl(locale));
        await page.evaluate(() => {
          const form = document.querySelector('form')!;
          form.noValidate = true;
          for (const radio of form.querySelectorAll('input[type=radio]'))
            (radio as HTMLInputElement).checked = false;
          form.requestSubmit();
        });
        const error = page.locator(`[data-testid="${T.formError}"]`);
        await error.waitFor();
        const errorId = await error.getAttribute('id');
        const group = page.locator(`[data-testid="${T.personaPicker}"]`);
        expect((await group.getAttribute('aria-describedby'))?.split(/\s+/)).toContain(errorId);
        expect(await group.getAttribute('aria-invalid')).toBe('true');
        expect(await focusedTestId(page)).toBe(T.formError);
        const { description } = await accessibleOf(page, `[data-testid="${T.personaPicker}"]`);
        expect(description).toBe((await error.innerText()).trim());
      });
    });
  }
});
