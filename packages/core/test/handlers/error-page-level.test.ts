/**
 * A provider refusing the level asked for (`unmet_authentication_requirements`, e.g. a
 * level-1 account at a level-2 service) is explained as the level problem it is.
 */
import { describe, expect, it } from 'vitest';
import { DinhDanhError, errorResponse } from '../../src/index';

const NAVIGATE = { accept: 'text/html', 'sec-fetch-mode': 'navigate' };
const LINKS = { retry: '/auth/login', home: '/' };

describe('the error page for a level the account does not have', () => {
  for (const code of ['insufficient_level', 'unmet_authentication_requirements'] as const) {
    it(`says a level 2 account is needed (${code})`, async () => {
      const error = new DinhDanhError(code, 'the account is at assurance level 1');
      const request = new Request('http://127.0.0.1:3001/auth/callback', { headers: NAVIGATE });
      const html = await (await errorResponse(error, request, LINKS)).text();
      expect(html).toContain('<h1 id="title">Cần tài khoản định danh mức cao hơn</h1>');
      expect(html).toContain(`<code data-testid="error-code">${code}</code>`);
    });
  }
});
