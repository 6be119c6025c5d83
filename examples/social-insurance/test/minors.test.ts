/** A minor's record reached through the guardian's account, headless against the mock. */
import { afterAll, describe, expect, it } from 'vitest';
import { MINOR_LOGIN_PATH } from '../src/requests';
import { APP, Browser, cell, csrfToken, harness, loginThrough, pageOf } from './support';

const h = harness();
afterAll(() => h.close());

async function signedIn(persona: string): Promise<Browser> {
  const browser = new Browser(h);
  const landed = await loginThrough(browser, '/auth/login', {
    persona,
    share: ['birthdate', 'socialInsurance', 'healthInsurance'],
  });
  expect(landed.url).toBe(`${APP}/`);
  return browser;
}

async function children(browser: Browser): Promise<string> {
  const { response, url } = await browser.open('/children');
  expect(url).toBe(`${APP}/children`);
  return pageOf(response);
}

describe('Phạm Thị Dung, guardian of Phạm Minh Khang', () => {
  it("opens her son's account and sees his health insurance card beside her own session", async () => {
    const browser = await signedIn('guardian');
    expect(await children(browser)).toContain('data-testid="no-children"');

    const landed = await loginThrough(browser, MINOR_LOGIN_PATH, {
      persona: 'child',
      share: ['healthInsurance'],
    });
    expect(landed.url).toBe(`${APP}/children`);
    const page = await pageOf(landed.response);
    expect(page).toContain('<h2 id="child-1-title">Phạm Minh Khang</h2>');
    expect(page).toContain('Bạn là mẹ của Phạm Minh Khang.');
    expect(cell(page, 'child-1-healthInsurance')).toEqual({
      shared: true,
      text: 'TE1313112345678',
    });
    expect(cell(page, 'child-1-healthInsurance-validity')?.text).toMatch(/\(còn hạn\)$/);
    expect(cell(page, 'child-1-birthdate')?.text).toMatch(/^10\/09\/\d{4}$/);
    // He has no social insurance number: the row says it was not shared.
    expect(cell(page, 'child-1-socialInsurance')?.shared).toBe(false);

    // Her own session is still hers.
    const home = await browser.open('/');
    expect(cell(await pageOf(home.response), 'own-name')?.text).toBe('Phạm Thị Dung');
  });

  it('opening the same child twice keeps one record', async () => {
    const browser = await signedIn('guardian');
    for (let i = 0; i < 2; i++) {
      await loginThrough(browser, MINOR_LOGIN_PATH, { persona: 'child', share: [] });
    }
    const page = await children(browser);
    expect(page.match(/data-testid="child-record"/g)).toHaveLength(1);
    expect(cell(page, 'child-1-healthInsurance')?.shared).toBe(false);
  });

  it("logging out forgets the child's record", async () => {
    const browser = await signedIn('guardian');
    await loginThrough(browser, MINOR_LOGIN_PATH, { persona: 'child', share: ['healthInsurance'] });
    const token = csrfToken(await children(browser));
    const out = await browser.submit('/auth/logout', [['csrf_token', token]]);
    expect(out.url).toBe(`${APP}/signed-out`);

    const again = await signedIn('guardian');
    expect(await children(again)).toContain('data-testid="no-children"');
  });

  it('choosing her own account instead of the child fails: it names no guardian', async () => {
    const browser = await signedIn('guardian');
    const landed = await loginThrough(browser, MINOR_LOGIN_PATH, { persona: 'guardian' });
    // `guardian` is required: core refuses the login before the app sees it.
    expect(landed.response.status).toBe(422);
    expect(await pageOf(landed.response)).toContain('claims_missing');
    expect(await children(browser)).toContain('data-testid="no-children"');
    const home = await browser.open('/');
    expect(cell(await pageOf(home.response), 'own-name')?.text).toBe('Phạm Thị Dung');
  });
});

describe('someone who is not the guardian', () => {
  it("cannot add the child's record, and the refusal tells nothing about the child", async () => {
    const browser = await signedIn('citizen-l2');
    const landed = await loginThrough(browser, MINOR_LOGIN_PATH, {
      persona: 'child',
      share: ['healthInsurance'],
    });
    expect(landed.url.startsWith(`${APP}/auth/callback`)).toBe(true);
    expect(landed.response.status).toBe(403);
    const page = await pageOf(landed.response);
    expect(page).toContain('data-reason="not-the-guardian"');
    expect(page).not.toMatch(/Khang|TE1313112345678/);
    expect(await children(browser)).toContain('data-testid="no-children"');
    // His own session is untouched.
    const home = await browser.open('/');
    expect(cell(await pageOf(home.response), 'own-name')?.text).toBe('Nguyễn Văn An');
  });

  it('signed out, the child login makes no session', async () => {
    const browser = new Browser(h);
    const landed = await loginThrough(browser, MINOR_LOGIN_PATH, { persona: 'child' });
    expect(landed.response.status).toBe(403);
    const page = await pageOf(landed.response);
    expect(page).toContain('data-reason="no-guardian-session"');
    expect(page).not.toContain('Khang');
    const home = await browser.open('/');
    expect(await pageOf(home.response)).toContain('Đăng nhập bằng VNeID');
  });
});
