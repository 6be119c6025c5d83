/**
 * The bank example (examples/bank-express) in a real browser against the mock: login with
 * consent, step-up for opening an account, refusals on the friendly error page, logout,
 * back-channel logout, a keyboard-only login, and axe on every page the bank shows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS } from '@dinhdanh/mock-idp';
import bank from '../../../examples/bank-express/src/demo.ts';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';
import { startDemo, type RunningDemo } from '../support/demo';
import { answerConsent, byTestId, pickPersona, redisCommand, tabTo } from '../support/bank';
import {
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '../../../packages/core/test/sessions/redis-server';

describe.skipIf(!HAS_CHROMIUM)(`the bank example in a browser (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let demo: RunningDemo;
  let url: string;

  beforeAll(async () => {
    demo = await startDemo([bank]);
    url = demo.urls['bank-express']!;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });
  beforeEach(() => demo.mock.idp.reset());

  async function expectAccessible(page: Page): Promise<void> {
    expect(await axeFindings(page), page.url()).toEqual([]);
  }

  /** From the bank's home page to its dashboard, through the picker and consent. */
  async function logIn(page: Page, persona: string, untick: readonly string[] = []) {
    await page.goto(url);
    await byTestId(page, 'login').click();
    await pickPersona(page, persona);
    await answerConsent(page, 'approve', untick);
    await page.waitForURL(`${url}/`);
  }

  it('logs in at level 1 with only the attributes the citizen granted', async () => {
    await withPage(browser, 'bank-login', async (page) => {
      await page.goto(url);
      expect(await page.getAttribute('html', 'lang')).toBe('vi');
      await expectAccessible(page);
      await byTestId(page, 'login').click();
      await pickPersona(page, 'citizen-l1');
      await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
      expect(await byTestId(page, PAGE_TEST_IDS.consentPurpose).textContent()).toContain(
        'liên hệ với bạn',
      );
      await answerConsent(page, 'approve', ['email']);
      await page.waitForURL(`${url}/`);
      expect(await byTestId(page, 'customer-name').textContent()).toBe('Trần Thị Bình');
      expect(await byTestId(page, 'level').textContent()).toBe('mức 1');
      expect(await byTestId(page, 'balances').locator('tbody tr').count()).toBe(1);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
      const shared = await page
        .locator('[data-attribute]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-attribute')));
      expect(shared).toEqual(['name', 'phone']);
      expect(await byTestId(page, 'consent-purpose').textContent()).toContain('liên hệ với bạn');
      const granted = await byTestId(page, 'consent-granted').textContent();
      expect(granted).toContain('Số điện thoại');
      expect(granted).not.toContain('Thư điện tử');
      await expectAccessible(page);
    });
  });

  it('steps up to level 2 with its own consent to open an account', async () => {
    await withPage(browser, 'bank-step-up', async (page) => {
      await logIn(page, 'citizen-l2', ['email']);
      await byTestId(page, 'open-account').click();
      // The step-up: the picker again, then consent to the identity checks, with their purpose.
      await pickPersona(page, 'citizen-l2');
      await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
      expect(await byTestId(page, PAGE_TEST_IDS.consentPurpose).textContent()).toContain(
        'Nhận biết khách hàng',
      );
      await answerConsent(page, 'approve');
      await page.waitForURL(`${url}/mo-tai-khoan`);
      const pid = await page.locator('[data-attribute="pid"]').textContent();
      expect(pid).toMatch(/^\*{9}\d{3}$/);
      expect(await page.locator('[data-attribute="name"]').textContent()).toBe('Nguyễn Văn An');
      expect(await page.locator('[data-attribute="address"]').count()).toBe(1);
      expect(await page.locator('[data-attribute="birthdate"]').count()).toBe(1);
      expect(await page.content()).not.toMatch(/\d{12}/);
      await expectAccessible(page);

      // A form posted from another site, with the citizen's cookies, opens nothing.
      const forged = await page.request.post(`${url}/mo-tai-khoan`, {
        headers: { origin: 'http://evil.example' },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
      await byTestId(page, 'confirm-open').click();
      await page.waitForURL(/\/\?opened=\d{12}$/);
      expect(await page.getByRole('status').textContent()).toMatch(/Đã mở tài khoản số \d{12}/);
      expect(await byTestId(page, 'level').textContent()).toBe('mức 2');
      expect(await byTestId(page, 'balances').locator('tbody tr').count()).toBe(2);
      await expectAccessible(page);

      await page.goto(`${url}/ho-so`);
      expect(await byTestId(page, 'consent-purpose').textContent()).toContain(
        'Nhận biết khách hàng',
      );
      expect(await byTestId(page, 'profile-level').textContent()).toBe('2');
    });
  });

  it('shows the friendly error page when the citizen refuses consent', async () => {
    await withPage(browser, 'bank-consent-denied', async (page) => {
      await page.goto(url);
      await byTestId(page, 'login').click();
      await pickPersona(page, 'citizen-l1');
      await answerConsent(page, 'deny');
      await byTestId(page, 'error-code').waitFor();
      expect(page.url().startsWith(`${url}/auth/callback`)).toBe(true);
      expect(await byTestId(page, 'error-code').textContent()).toBe('access_denied');
      expect(await page.locator('h1').textContent()).not.toBe('');
      await expectAccessible(page);
    });
  });

  it('refuses a level-1 citizen at level 2 with the friendly error page', async () => {
    await withPage(browser, 'bank-level-refused', async (page) => {
      await logIn(page, 'citizen-l1');
      await byTestId(page, 'open-account').click();
      await pickPersona(page, 'citizen-l1');
      await byTestId(page, 'error-code').waitFor();
      // The provider refuses the level: explained as the level problem it is.
      expect(await byTestId(page, 'error-code').textContent()).toBe(
        'unmet_authentication_requirements',
      );
      expect(await page.locator('h1').textContent()).toMatch(
        /Cần tài khoản định danh mức cao hơn|A higher identity level is needed/,
      );
      await expectAccessible(page);
    });
  });

  it('logs out at the bank and at VNeID', async () => {
    await withPage(browser, 'bank-logout', async (page) => {
      await logIn(page, 'citizen-l1');
      await byTestId(page, 'logout').click();
      await page.waitForURL(`${url}/`);
      await byTestId(page, 'login').waitFor();
      await page.goto(`${url}/ho-so`);
      await byTestId(page, PAGE_TEST_IDS.loginForm).waitFor(); // sent to log in again
      expect(demo.mock.idp.logouts.map((l) => [l.clientId, l.status])).toEqual([
        ['bank-express', 200],
      ]);
    });
  });

  it('ends the session when VNeID sends a back-channel logout', async () => {
    await withPage(browser, 'bank-backchannel-first', async (first) => {
      await logIn(first, 'citizen-l2');
      // The same citizen on another device joins the same VNeID session, then logs out there:
      // VNeID tells the bank over the back channel, which ends the first device's session too.
      await withPage(browser, 'bank-backchannel-second', async (second) => {
        await logIn(second, 'citizen-l2');
        await byTestId(second, 'logout').click();
        await second.waitForURL(`${url}/`);
      });
      const delivered = demo.mock.idp.logouts;
      expect(delivered.map((l) => [l.clientId, l.status])).toEqual([['bank-express', 200]]);
      await first.goto(url);
      await byTestId(first, 'login').waitFor();
      expect(await byTestId(first, 'customer-name').count()).toBe(0);
    });
  });

  it('logs in with the keyboard alone', async () => {
    await withPage(browser, 'bank-keyboard', async (page) => {
      await page.goto(url);
      await tabTo(page, '[data-testid="login"]');
      await page.keyboard.press('Enter');
      await byTestId(page, PAGE_TEST_IDS.loginForm).waitFor();
      await tabTo(page, 'input[type="radio"]');
      // Arrow keys move within a radio group; pick the level-1 citizen's radio.
      for (let i = 0; i < 12; i += 1) {
        if (
          await byTestId(page, 'persona-citizen-l1').evaluate((el) => el === document.activeElement)
        )
          break;
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Space');
      expect(await byTestId(page, 'persona-citizen-l1').isChecked()).toBe(true);
      await tabTo(page, `[data-testid="${PAGE_TEST_IDS.loginSubmit}"]`);
      await page.keyboard.press('Enter');
      await byTestId(page, PAGE_TEST_IDS.consentForm).waitFor();
      await tabTo(page, `[data-testid="${PAGE_TEST_IDS.approve}"]`);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${url}/`);
      expect(await byTestId(page, 'customer-name').textContent()).toBe('Trần Thị Bình');
      await tabTo(page, '[data-testid="logout"]');
      await page.keyboard.press('Enter');
      await byTestId(page, 'login').waitFor();
    });
  });
});

const noRedis = redisUnavailableReason();

describe.skipIf(!HAS_CHROMIUM || noRedis !== undefined)(
  `the bank example with REDIS_URL (needs ${CHROMIUM} and redis-server)`,
  () => {
    let browser: Browser;
    let demo: RunningDemo;
    let redis: RedisServer;

    beforeAll(async () => {
      redis = await startRedisServer();
      demo = await startDemo([bank], { redisUrl: redis.url });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await demo?.close();
      await redis?.stop();
    });

    it('keeps its sessions and records in Redis', async () => {
      await withPage(browser, 'bank-redis', async (page) => {
        const url = demo.urls['bank-express']!;
        await page.goto(url);
        await byTestId(page, 'login').click();
        await pickPersona(page, 'citizen-l1');
        await answerConsent(page, 'approve');
        await page.waitForURL(`${url}/`);
        expect(await byTestId(page, 'customer-name').textContent()).toBe('Trần Thị Bình');
        const keys = await redisCommand(redis.port, 'KEYS', '*');
        expect(keys).toContain('dinhdanh:');
        expect(keys).toContain('bank-demo:customer:');
        // The session lives in Redis: emptied, the browser is logged out.
        expect(await redisCommand(redis.port, 'FLUSHALL')).toBe('+OK\r\n');
        await page.goto(url);
        await byTestId(page, 'login').waitFor();
      });
    });
  },
);
