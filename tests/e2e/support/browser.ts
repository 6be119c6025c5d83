/** A real browser (Debian's Chromium) for the end-to-end tests, with an accessibility check. */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';

// The system Chromium, the skip rule and the launch flags are the mock's browser tests' own.
export { CHROMIUM, HAS_CHROMIUM, launchChromium } from '../../../packages/mock-idp/test/browser';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** One axe finding, short enough for a test failure message. */
export interface AxeFinding {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now and returns what it
 * finds; `expect(await axeFindings(page)).toEqual([])` is the check.
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (which
  // rightly refuses inline scripts) does not block it.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

const screenshots = fileURLToPath(new URL('../screenshots/', import.meta.url));

/**
 * Runs `body` with a fresh page; when it throws, saves a full-page screenshot under
 * tests/e2e/screenshots/ (named after `name`) before rethrowing.
 */
export async function withPage<T>(
  browser: Browser,
  name: string,
  body: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    return await body(page);
  } catch (error) {
    mkdirSync(screenshots, { recursive: true });
    const file = `${screenshots}${name.replace(/[^\w.-]+/g, '_')}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot of the failing page: ${file}`);
    throw error;
  } finally {
    await context.close();
  }
}
