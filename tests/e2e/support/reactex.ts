/** Keyboard-only navigation for the browser tests: reach a control with Tab (and arrows in a radio group). */
import type { Page } from 'playwright-core';

/**
 * Presses Tab until the element matching `selector` has the focus; inside a radio group
 * (same `name`) it moves with ArrowDown, as a keyboard user does, which also checks the
 * radio. Throws after `limit` key presses (a control the keyboard cannot reach).
 */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    const where = await page.evaluate((sel) => {
      const target = document.querySelector(sel);
      const active = document.activeElement;
      if (target === null) return 'missing';
      if (active === target) return 'there';
      if (
        active instanceof HTMLInputElement &&
        target instanceof HTMLInputElement &&
        active.type === 'radio' &&
        target.type === 'radio' &&
        active.name === target.name
      ) {
        return 'radio-group';
      }
      return 'elsewhere';
    }, selector);
    if (where === 'there') return;
    if (where === 'missing') {
      await page.waitForSelector(selector, { timeout: 10_000 });
      continue;
    }
    await page.keyboard.press(where === 'radio-group' ? 'ArrowDown' : 'Tab');
  }
  throw new Error(`${selector} was not reached with the keyboard in ${String(limit)} presses`);
}

/** {@link tabTo} then presses `key` (Enter for buttons and links, Space for checkboxes). */
export async function tabAndPress(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** {@link tabTo} then types `text` into the focused field, after clearing it. */
export async function tabAndType(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/**
 * Collects the page's uncaught errors and console errors (a Content-Security-Policy
 * violation is one): `expect(problems).toEqual([])` at the end of a test.
 */
export function pageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // A failed response is reported below with its URL; the console's copy has none.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      problems.push(`${String(response.status())} ${new URL(response.url()).pathname}`);
    }
  });
  return problems;
}
