/**
 * Điện lực Demo's kiosk (examples/utility-qr) in a real browser: the kiosk page shows the QR
 * codes, a second browser (another device) approves or declines on the mock's phone pages,
 * and the kiosk turns signed in (or says what happened), through the device authorization
 * grant and through a VNeID share transaction. Keyboard only, axe on every page shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { PAGE_TEST_IDS as T, SHARE_TEST_IDS as S } from '@dinhdanh/mock-idp';
import utilityKiosk from '../../../examples/utility-qr/src/demo.ts';
import { CHROMIUM, HAS_CHROMIUM, axeFindings, launchChromium, withPage } from '../support/browser';
import { startDemo, type RunningDemo } from '../support/demo';
import { pageProblems, tabAndPress, tabAndType, tabTo } from '../support/reactex';

const id = (testId: string) => `[data-testid="${testId}"]`;
const DENIED = 'Bạn đã từ chối trên điện thoại';

describe.skipIf(!HAS_CHROMIUM)(`Điện lực Demo kiosk, QR and share (needs ${CHROMIUM})`, () => {
  let browser: Browser;
  let demo: RunningDemo;
  let url: string;

  beforeAll(async () => {
    // The phone answers within a second; the kiosk should notice without waiting 5 s a poll.
    demo = await startDemo([utilityKiosk], { mock: { devicePollInterval: 1, admin: true } });
    url = demo.urls['utility-qr']!;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
  });

  /** The kiosk showing the QR code of one way in (chosen by keyboard); what the phone needs. */
  async function openKiosk(page: Page, way: 'device' | 'share'): Promise<string> {
    await page.goto(url);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('h1')).toBe('Thanh toán tiền điện');
    await page.waitForSelector(`${id('flow-device')} svg[role="img"]`);
    // One QR code at a time: the other way is a button away.
    expect(await page.locator(id('flow-share')).count()).toBe(0);
    expect(await axeFindings(page)).toEqual([]);
    if (way === 'device') {
      const code = await page.textContent(`${id('flow-device')} .dinhdanh-qr-user-code strong`);
      expect(code ?? '').not.toBe('');
      return code ?? '';
    }
    const started = page.waitForResponse((r) => r.url().endsWith('/vneid/auth/qr/start'));
    await tabAndPress(page, id('choose-share'));
    expect(await page.getAttribute(id('choose-share'), 'aria-pressed')).toBe('true');
    await page.waitForSelector(`${id('flow-share')} svg[role="img"]`);
    expect(await page.locator(id('flow-device')).count()).toBe(0);
    // What the QR code holds: the share transaction's universal link at the provider.
    const link = ((await (await started).json()) as { qrUri: string }).qrUri;
    expect(link).toMatch(new RegExp(`^${demo.mock.issuer}/share/`));
    expect(await axeFindings(page)).toEqual([]);
    return link;
  }

  /** Picks a persona by keyboard on a mock page. */
  async function pickPersona(phone: Page, persona: string): Promise<void> {
    await tabTo(phone, id(`${T.persona}-${persona}`));
    await phone.keyboard.press('Space');
    expect(await phone.isChecked(id(`${T.persona}-${persona}`))).toBe(true);
  }

  /** The second device: the mock's device page, the user code typed, approve or deny. */
  async function onPhoneDevicePage(
    userCode: string,
    persona: string,
    decision: 'approve' | 'deny',
  ) {
    await withPage(browser, `utility-qr-phone-device-${decision}`, async (phone) => {
      await phone.goto(`${demo.mock.issuer}/device`);
      await phone.waitForSelector(id(T.deviceCodeForm));
      expect(await axeFindings(phone)).toEqual([]);
      await tabAndType(phone, id(T.userCode), userCode);
      await tabAndPress(phone, id(T.deviceCodeSubmit));
      await phone.waitForSelector(id(T.deviceConfirmForm));
      expect(await phone.textContent(id(T.client))).toContain('Điện lực Demo');
      expect(await axeFindings(phone)).toEqual([]);
      await pickPersona(phone, persona);
      await tabAndPress(phone, id(decision === 'approve' ? T.approve : T.deny));
      const result = await phone.waitForSelector(id(T.deviceResult));
      expect(await result.getAttribute('data-state')).toBe(
        decision === 'approve' ? 'approved' : 'denied',
      );
      expect(await axeFindings(phone)).toEqual([]);
    });
  }

  /** The second device: the share link (what the QR code holds), approve or deny. */
  async function onPhoneSharePage(link: string, persona: string, decision: 'approve' | 'deny') {
    await withPage(browser, `utility-qr-phone-share-${decision}`, async (phone) => {
      await phone.goto(link);
      await phone.waitForSelector(id(S.form));
      expect(await phone.textContent(id(S.purpose))).toBe(
        'Tra cứu và thanh toán hoá đơn tiền điện',
      );
      expect(await axeFindings(phone)).toEqual([]);
      await pickPersona(phone, persona);
      await tabAndPress(phone, id(decision === 'approve' ? T.approve : T.deny));
      const result = await phone.waitForSelector(id(S.result));
      expect(await result.getAttribute('data-state')).toBe(
        decision === 'approve' ? 'approved' : 'denied',
      );
      expect(await axeFindings(phone)).toEqual([]);
    });
  }

  /** The kiosk once signed in: the name, the bill, pay and end the session, by keyboard. */
  async function payAndLeave(kiosk: Page, name: string): Promise<void> {
    await kiosk.waitForSelector(id('bill'));
    expect(await kiosk.textContent(id('citizen-name'))).toBe(name);
    expect(await kiosk.evaluate(() => document.activeElement?.id)).toBe('bill-title');
    await kiosk.waitForSelector(id('amount'));
    expect(await kiosk.locator(id('flow-device')).count()).toBe(0);
    expect(await kiosk.locator(id('flow-share')).count()).toBe(0);
    expect(await axeFindings(kiosk)).toEqual([]);
    await tabAndPress(kiosk, `${id('bill')} button:not(.secondary)`);
    await kiosk.waitForFunction(
      (sel) => document.querySelector(sel)?.textContent?.includes('Đã thanh toán') === true,
      id('payment-status'),
    );
    expect(await kiosk.textContent(id('payment-status'))).toMatch(/Số biên nhận BN-[0-9A-F]{8}/);
    expect(await axeFindings(kiosk)).toEqual([]);
    await tabAndPress(kiosk, `${id('bill')} button.secondary`);
    await kiosk.waitForSelector(`${id('flow-device')} svg[role="img"]`);
    expect(await kiosk.locator(id('bill')).count()).toBe(0);
  }

  it('QR code: the phone approves on the device page, the kiosk signs in, pays, ends the session', async () => {
    await withPage(browser, 'utility-qr-device', async (kiosk) => {
      const problems = pageProblems(kiosk);
      const userCode = await openKiosk(kiosk, 'device');
      await onPhoneDevicePage(userCode, 'citizen-l2', 'approve');
      await payAndLeave(kiosk, 'Nguyễn Văn An');
      expect(problems).toEqual([]);
    });
  });

  it('QR code: declined on the phone, the kiosk says so kindly and offers a new code', async () => {
    await withPage(browser, 'utility-qr-device-denied', async (kiosk) => {
      const problems = pageProblems(kiosk);
      const userCode = await openKiosk(kiosk, 'device');
      await onPhoneDevicePage(userCode, 'citizen-l1', 'deny');
      const status = `${id('flow-device')} [role="status"]`;
      await kiosk.waitForFunction(
        ([sel, text]) => document.querySelector(sel!)?.textContent?.includes(text!) === true,
        [status, DENIED],
      );
      expect(await axeFindings(kiosk)).toEqual([]);
      await tabAndPress(kiosk, `${id('flow-device')} button`);
      await kiosk.waitForSelector(`${id('flow-device')} svg[role="img"]`);
      expect(problems).toEqual([]);
    });
  });

  it('VNeID share: the phone approves the share request, the kiosk signs in, pays, ends the session', async () => {
    await withPage(browser, 'utility-qr-share', async (kiosk) => {
      const problems = pageProblems(kiosk);
      const shareLink = await openKiosk(kiosk, 'share');
      await onPhoneSharePage(shareLink, 'citizen-l1', 'approve');
      await payAndLeave(kiosk, 'Trần Thị Bình');
      // The mock delivered the signed result to the kiosk's webhook, which accepted it.
      const txnId = new URL(shareLink).pathname.split('/').pop() ?? '';
      const txn = (await (await fetch(`${demo.mock.issuer}/__mock/share/${txnId}`)).json()) as {
        deliveries: { url: string; status: number }[];
      };
      expect(txn.deliveries).toContainEqual(
        expect.objectContaining({ url: `${url}/vneid/share-webhook`, status: 204 }),
      );
      expect(problems).toEqual([]);
    });
  });

  it('VNeID share: declined on the phone, the kiosk says so kindly', async () => {
    await withPage(browser, 'utility-qr-share-denied', async (kiosk) => {
      const problems = pageProblems(kiosk);
      const shareLink = await openKiosk(kiosk, 'share');
      await onPhoneSharePage(shareLink, 'citizen-l2', 'deny');
      await kiosk.waitForFunction(
        ([sel, text]) => document.querySelector(sel!)?.textContent?.includes(text!) === true,
        [`${id('flow-share')} [role="status"]`, DENIED],
      );
      expect(await axeFindings(kiosk)).toEqual([]);
      expect(problems).toEqual([]);
    });
  });

  it('the webhook refuses an unsigned delivery, and the bill API answers 401 JSON without a session', async () => {
    const hook = await fetch(`${url}/vneid/share-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ txnId: 'x', status: 'approved' }),
    });
    expect(hook.status).toBe(401);
    const bill = await fetch(`${url}/api/hoa-don`, { headers: { accept: 'application/json' } });
    expect(bill.status).toBe(401);
    expect(((await bill.json()) as { error: { code: string } }).error.code).toBe('session_missing');
    const pay = await fetch(`${url}/api/thanh-toan`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', accept: 'application/json' },
    });
    expect(pay.status).toBe(403);
  });
});
