/** Steps through the mock's pages as a citizen would, for the bank example's browser tests. */
import { createConnection } from 'node:net';
import type { Page } from 'playwright-core';
import { PAGE_TEST_IDS } from '@dinhdanh/mock-idp';

/** The locator of a `data-testid`. */
export function byTestId(page: Page, id: string) {
  return page.locator(`[data-testid="${id}"]`);
}

/** On the mock's picker: choose `persona` and continue. */
export async function pickPersona(page: Page, persona: string): Promise<void> {
  await byTestId(page, PAGE_TEST_IDS.loginForm).waitFor();
  await byTestId(page, `${PAGE_TEST_IDS.persona}-${persona}`).check();
  await byTestId(page, PAGE_TEST_IDS.loginSubmit).click();
}

/** On the mock's consent page: untick `untick`, then approve or deny. */
export async function answerConsent(
  page: Page,
  decision: 'approve' | 'deny',
  untick: readonly string[] = [],
): Promise<void> {
  await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
  for (const name of untick) await byTestId(page, `${PAGE_TEST_IDS.attribute}-${name}`).uncheck();
  await byTestId(page, decision === 'approve' ? PAGE_TEST_IDS.approve : PAGE_TEST_IDS.deny).click();
}

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
export async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate((s) => document.activeElement?.matches(s) === true, selector);
    if (there) return;
  }
  throw new Error(`${selector} was not reached with ${limit} presses of Tab`);
}

/** Sends one command to Redis on 127.0.0.1:`port` (RESP) and returns the raw answer. */
export function redisCommand(port: number, ...args: string[]): Promise<string> {
  const payload = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(2_000, () => {
      socket.destroy();
      reject(new Error('redis did not answer'));
    });
    socket.on('error', reject);
    socket.on('connect', () => socket.write(payload));
    socket.on('data', (data) => {
      answer += data.toString();
      // Enough for the tests: a simple reply, or an array reply read after a short pause.
      setTimeout(() => {
        socket.end();
        resolve(answer);
      }, 50);
    });
  });
}
