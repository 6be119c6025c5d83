/**
 * The issuer URL in a browser (the demo prints it) shows a start page: what the server
 * is, its registered apps and test citizens, endpoints for developers. Anything else
 * asking `/` keeps the JSON index.
 */
import { describe, expect, it } from 'vitest';
import { createMockIdp, PAGE_TEST_IDS as T } from '../src/index';

const ISSUER = 'http://127.0.0.1:9400';
const SECRET = 'a-client-secret-that-is-long-enough-0123';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function mock(admin = false) {
  return createMockIdp({
    issuer: ISSUER,
    admin,
    clients: [
      {
        clientId: 'bank',
        clientSecret: SECRET,
        name: 'Ngân hàng <Demo>',
        redirectUris: ['http://127.0.0.1:3001/auth/callback'],
        dialect: 'vneid-sso',
      },
      {
        clientId: 'app',
        name: 'Ứng dụng',
        redirectUris: ['vn.example.app:/callback'],
        authMethods: ['none'],
      },
    ],
  });
}

async function page(path = '/', accept = BROWSER_ACCEPT, admin = false) {
  const res = await mock(admin).fetch(new Request(`${ISSUER}${path}`, { headers: { accept } }));
  return { res, text: await res.text() };
}

describe('the start page', () => {
  it('answers a browser with a Vietnamese page listing the apps and test citizens', async () => {
    const { res, text } = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(text).toContain('<html lang="vi">');
    expect(text).toContain('data-page="home"');
    expect(text).toContain('Máy chủ định danh điện tử thử nghiệm');
    // the app's name escaped, linked to where its redirect URI lives
    expect(text).toMatch(
      new RegExp(
        `data-testid="${T.homeClient}-bank">\\s*<a href="http://127.0.0.1:3001/">Ngân hàng &lt;Demo&gt;</a>`,
      ),
    );
    // an app without a web redirect URI is named, not linked
    expect(text).toMatch(new RegExp(`data-testid="${T.homeClient}-app">\\s*Ứng dụng\\s*</li>`));
    expect(text).toContain(`data-testid="${T.homePersona}-citizen-l2"`);
    expect(text).toContain('Tài khoản định danh điện tử mức 2');
    expect(text).toContain(`<code data-testid="${T.homeIssuer}">${ISSUER}</code>`);
    expect(text).toContain(`${ISSUER}/.well-known/openid-configuration`);
    expect(text).toContain('<code>http://127.0.0.1:3001/auth/callback</code>');
    expect(text).toContain(`href="${ISSUER}/?ui_locales=en"`);
  });

  it('never shows a client secret or a personal ID number', async () => {
    const { text } = await page();
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/\b\d{12}\b/);
  });

  it('speaks English with ui_locales=en and offers Vietnamese', async () => {
    const { text } = await page('/?ui_locales=en');
    expect(text).toContain('<html lang="en">');
    expect(text).toContain('Mock electronic identity provider');
    expect(text).toContain('Level 2 electronic identity accounts');
    expect(text).toContain(`href="${ISSUER}/?ui_locales=vi"`);
  });

  it('names the admin API only when it is on', async () => {
    expect((await page()).text).not.toContain('/__mock/');
    expect((await page('/', BROWSER_ACCEPT, true)).text).toContain(
      `<code>${ISSUER}/__mock/</code>`,
    );
  });

  it('keeps the JSON index for machines', async () => {
    for (const accept of ['application/json', '*/*', '']) {
      const { res, text } = await page('/', accept);
      expect(res.headers.get('content-type'), accept).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual({
        issuer: ISSUER,
        discovery: `${ISSUER}/.well-known/openid-configuration`,
      });
    }
  });

  it('says so when no app is registered', async () => {
    const res = await createMockIdp({ issuer: ISSUER, clients: [] }).fetch(
      new Request(`${ISSUER}/`, { headers: { accept: BROWSER_ACCEPT } }),
    );
    expect(await res.text()).toContain('Chưa có ứng dụng nào được đăng ký');
  });
});
