/**
 * The default error answer: a styled, accessible page in plain Vietnamese (English when
 * asked) with a way back for browsers; JSON `{ error: { code, message } }` for API callers.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DinhDanhError, errorResponse } from '@dinhdanh/core';
import { clock, fakeRp, handlersFor, ORIGIN, T0 } from './support';

const NAVIGATE = {
  accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'sec-fetch-mode': 'navigate',
};

async function callbackError(query: string, headers: Record<string, string>) {
  clock.now = T0;
  const auth = handlersFor(fakeRp(), { defaultReturnTo: '/trang-chu' });
  return auth.callback(new Request(`${ORIGIN}/auth/callback${query}`, { headers }));
}

describe('the default error page', () => {
  it('tells a browser in plain Vietnamese what happened, with a way back, styled under a strict CSP', async () => {
    const response = await callbackError('?code=x&state=y', NAVIGATE);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1 id="title">Phiên đăng nhập đã hết hạn</h1>');
    expect(html).toContain('<a class="primary" href="/auth/login">Thử lại</a>');
    expect(html).toContain('<a class="secondary" href="/trang-chu">Về trang chủ</a>');
    expect(html).toContain('<code data-testid="error-code">transaction_invalid</code>');
    expect(html).toContain('name="viewport"');
    // Not the technical English sentence meant for developers.
    expect(html).not.toContain('No login is in progress');
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toBe('');
    const hash = createHash('sha256').update(style).digest('base64');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src 'sha256-${hash}'`);
  });

  it('speaks English with locale=en, ui_locales=en or Accept-Language: en', async () => {
    for (const [query, language] of [
      ['?state=y&locale=en', undefined],
      ['?state=y&ui_locales=en-GB%20vi', undefined],
      ['?state=y', 'en-US,en;q=0.9,vi;q=0.5'],
    ] as const) {
      const response = await callbackError(query, {
        ...NAVIGATE,
        ...(language === undefined ? {} : { 'accept-language': language }),
      });
      const html = await response.text();
      expect(html).toContain('<html lang="en">');
      expect(html).toContain('Your sign-in has expired');
      expect(html).toContain('>Try again</a>');
      expect(response.headers.get('content-language')).toBe('en');
    }
    const vietnameseFirst = await callbackError('?state=y', {
      ...NAVIGATE,
      'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
    });
    expect(await vietnameseFirst.text()).toContain('<html lang="vi">');
  });

  it('says a higher level is needed when the provider refuses the level (unmet_authentication_requirements)', async () => {
    for (const code of ['unmet_authentication_requirements', 'insufficient_level'] as const) {
      const response = await errorResponse(
        new DinhDanhError(code, 'The account is below the level asked for.'),
        new Request(`${ORIGIN}/auth/callback?state=y`, { headers: NAVIGATE }),
        { retry: '/auth/login', home: '/' },
      );
      const html = await response.text();
      expect(html).toContain('<h1 id="title">Cần tài khoản định danh mức cao hơn</h1>');
      expect(html).toContain(`<code data-testid="error-code">${code}</code>`);
    }
  });

  it('answers API callers (Accept: application/json, fetch, XHR) with JSON { error: { code, message } }', async () => {
    for (const headers of [
      { accept: 'application/json' },
      { accept: 'text/html,*/*', 'sec-fetch-mode': 'cors' },
      { accept: 'text/html', 'x-requested-with': 'XMLHttpRequest' },
      {},
    ]) {
      const response = await callbackError('?state=y', headers);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('transaction_invalid');
      expect(typeof body.error.message).toBe('string');
    }
  });
});
