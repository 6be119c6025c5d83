/** The share page in a real browser: keyboard only, no JavaScript needed, webhook verifies. */
import { memoryReplayCache, verifyWebhook } from '@dinhdanh/core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockIdp, type RunningMockIdp } from '../src/node';
import { PAGE_TEST_IDS } from '../src/pages';
import { SHARE_TEST_IDS } from '../src/share/page-renderer';
import { CHROMIUM, HAS_CHROMIUM, launchChromium } from './browser';

const SECRET = 'bank-secret-0123456789-0123456789-abcdef';
const HOOK_SECRET = 'webhook-secret-0123456789-0123456789-xyz';

describe.skipIf(!HAS_CHROMIUM)(`share page in a browser (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let mock: RunningMockIdp;
  const hooks: Request[] = [];

  beforeAll(async () => {
    mock = await startMockIdp({
      port: 0,
      fetch: (request) => {
        hooks.push(request);
        return Promise.resolve(new Response(null, { status: 204 }));
      },
      clients: [
        {
          clientId: 'bank',
          clientSecret: SECRET,
          name: 'Ngân hàng Thử nghiệm',
          redirectUris: ['http://127.0.0.1/unused'],
          share: { webhookUrl: 'http://127.0.0.1/hook', webhookSecret: HOOK_SECRET },
        },
      ],
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
  });

  it('opens the link with JavaScript off, picks a persona by keyboard, approves', async () => {
    const res = await fetch(`${mock.issuer}/share`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: 'bank',
        client_secret: SECRET,
        attributes: 'pid name',
        purpose: 'Mở tài khoản',
      }).toString(),
    });
    const { link, txnId } = (await res.json()) as { link: string; txnId: string };
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    expect(await page.getByTestId(SHARE_TEST_IDS.purpose).textContent()).toBe('Mở tài khoản');
    expect(await page.getByTestId(`${SHARE_TEST_IDS.attribute}-pid`).textContent()).toContain(
      'Số định danh cá nhân',
    );
    const radio = page.getByTestId(`${PAGE_TEST_IDS.persona}-citizen-l1`);
    await radio.focus();
    await page.keyboard.press('Space');
    expect(await radio.isChecked()).toBe(true);
    await page.getByTestId(PAGE_TEST_IDS.approve).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId(SHARE_TEST_IDS.result).waitFor();
    expect(await page.getByTestId(SHARE_TEST_IDS.result).getAttribute('data-state')).toBe(
      'approved',
    );
    await context.close();
    const payload = await verifyWebhook(hooks[0]!, {
      secret: HOOK_SECRET,
      replayCache: memoryReplayCache(),
    });
    expect(payload).toMatchObject({ txnId, status: 'approved' });
  }, 30_000);
});
