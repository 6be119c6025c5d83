/** The citizen's own record, headless against the mock: consent, what is shown, logout. */
import { afterAll, describe, expect, it } from 'vitest';
import { APP, Browser, cell, csrfToken, harness, loginThrough, pageOf } from './support';

const h = harness();
afterAll(() => h.close());

describe('signed out', () => {
  it('the home page says what will be asked and why, under a strict CSP', async () => {
    const { response } = await new Browser(h).open('/');
    const page = await pageOf(response);
    expect(response.status).toBe(200);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Mục đích: Tra cứu mã số bảo hiểm xã hội');
    expect(page).toContain('<li>Mã số bảo hiểm xã hội</li>');
    expect(page).toContain('href="/auth/login"');
    expect(page).not.toMatch(/<script|style=|<style/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`form-action 'self' ${new URL(h.idp.issuer).origin}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves its stylesheet as a file', async () => {
    const { response } = await new Browser(h).open('/assets/app.css');
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await pageOf(response)).toContain(':focus-visible');
  });

  it('/children sends a signed-out visitor to log in first', async () => {
    const response = await new Browser(h).send('/children');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/auth/login?returnTo=%2Fchildren');
  });

  it('an unknown path is a 404 page, a POST to a page 405', async () => {
    const browser = new Browser(h);
    const { response } = await browser.open('/khong-co');
    expect(response.status).toBe(404);
    expect(await pageOf(response)).toContain('Không tìm thấy trang');
    expect((await browser.send('/', { method: 'POST' })).status).toBe(405);
  });
});

describe('logged in as Nguyễn Văn An (level 2, every integrated document)', () => {
  it('shows both insurance numbers he shared, with the card validity and the consent', async () => {
    const browser = new Browser(h);
    const landed = await loginThrough(browser, '/auth/login', {
      persona: 'citizen-l2',
      share: ['birthdate', 'socialInsurance', 'healthInsurance'],
    });
    expect(landed.url).toBe(`${APP}/`);
    const page = await pageOf(landed.response);
    expect(cell(page, 'own-name')).toEqual({ shared: true, text: 'Nguyễn Văn An' });
    expect(cell(page, 'own-birthdate')).toEqual({ shared: true, text: '14/03/1985' });
    expect(cell(page, 'own-socialInsurance')).toEqual({ shared: true, text: '0112345678' });
    expect(cell(page, 'own-healthInsurance')).toEqual({ shared: true, text: 'GD4010112345678' });
    expect(cell(page, 'own-healthInsurance-validity')?.text).toMatch(
      /^Từ 01\/01\/\d{4} đến 31\/12\/\d{4} \(còn hạn\)$/,
    );
    expect(cell(page, 'own-healthInsurance-hospital')?.text).toBe('Bệnh viện Bạch Mai');
    expect(page).toContain('tài khoản mức độ 2');
    expect(page).not.toContain('Không chia sẻ</h3>');
  });

  it('an attribute he did not tick says plainly that it was not shared', async () => {
    const browser = new Browser(h);
    const landed = await loginThrough(browser, '/auth/login', {
      persona: 'citizen-l2',
      share: ['socialInsurance'],
    });
    const page = await pageOf(landed.response);
    expect(cell(page, 'own-socialInsurance')).toEqual({ shared: true, text: '0112345678' });
    expect(cell(page, 'own-healthInsurance')?.shared).toBe(false);
    expect(cell(page, 'own-healthInsurance')?.text).toMatch(/^Không được chia sẻ — /);
    expect(cell(page, 'own-birthdate')?.shared).toBe(false);
    expect(page).not.toContain('GD4010112345678');
    expect(page).toMatch(
      /Không chia sẻ<\/h3><ul><li>Ngày, tháng, năm sinh<\/li><li>Thẻ bảo hiểm y tế<\/li><\/ul>/,
    );
  });

  it('logs out through the provider and back to the signed-out page', async () => {
    const browser = new Browser(h);
    const landed = await loginThrough(browser, '/auth/login', { persona: 'citizen-l2' });
    const token = csrfToken(await pageOf(landed.response));
    expect(token).not.toBe('');
    const out = await browser.submit('/auth/logout', [['csrf_token', token]]);
    expect(out.url).toBe(`${APP}/signed-out`);
    expect(await pageOf(out.response)).toContain('Bạn đã đăng xuất');
    const home = await browser.open('/');
    expect(await pageOf(home.response)).toContain('Đăng nhập bằng VNeID');
  });

  it('a logout without the CSRF token is refused and the session stays', async () => {
    const browser = new Browser(h);
    await loginThrough(browser, '/auth/login', { persona: 'citizen-l2' });
    const refused = await browser.submit('/auth/logout', []);
    expect(refused.response.status).toBe(403);
    expect(await pageOf(refused.response)).toContain('csrf_failed');
    const home = await browser.open('/');
    expect(cell(await pageOf(home.response), 'own-name')?.text).toBe('Nguyễn Văn An');
  });
});

describe('a level-1 account', () => {
  it('is refused with the error page, and no session is made', async () => {
    const browser = new Browser(h);
    const landed = await loginThrough(browser, '/auth/login', { persona: 'citizen-l1' });
    expect(landed.url.startsWith(`${APP}/auth/callback`)).toBe(true);
    expect(landed.response.status).toBe(401);
    expect(await pageOf(landed.response)).toContain('unmet_authentication_requirements');
    const home = await browser.open('/');
    expect(await pageOf(home.response)).toContain('Đăng nhập bằng VNeID');
  });
});

describe('error pages', () => {
  it('are in Vietnamese whatever the browser prefers', async () => {
    const browser = new Browser(h);
    const response = await browser.send('/auth/callback?state=nothing-pending', {
      headers: { 'accept-language': 'en-US,en;q=0.9', 'sec-fetch-mode': 'navigate' },
    });
    expect(response.status).toBe(400);
    const page = await pageOf(response);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Phiên đăng nhập đã hết hạn');
  });
});
