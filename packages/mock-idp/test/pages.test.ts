import { describe, expect, it } from 'vitest';
import { html, escapeHtml } from '../src/pages/html';
import {
  PAGE_FIELDS,
  PAGE_TEST_IDS,
  pageHeaders,
  pageHeadersFor,
  pickLocale,
  renderConsent,
  renderDevice,
  renderError,
  renderLoggedOut,
  renderLogin,
  type LoginPageModel,
  type ConsentPageModel,
} from '../src/pages';

/** Collapses the whitespace prettier puts into templates, so tests read like the markup. */
const norm = (page: string) =>
  page
    .replace(/\s+/g, ' ')
    .replace(/ ?\/?>/g, '>')
    .replace(/> </g, '><');

const EVIL = '<script>alert("x")</script>&\'`';

const loginModel = (over: Partial<LoginPageModel> = {}): LoginPageModel => ({
  locale: 'vi',
  client: { id: 'bank', name: 'Ngân hàng Thử nghiệm' },
  personas: [
    { id: 'an', name: 'Nguyễn Văn An', level: 2, description: 'Đủ giấy tờ tích hợp' },
    { id: 'binh', name: 'Trần Thị Bình', level: 1 },
    { id: 'khoa', name: 'Lê Văn Khoá', level: 2, locked: true },
  ],
  form: { action: '/interaction/abc/login', hidden: { interaction: 'abc' } },
  ...over,
});

const consentModel = (over: Partial<ConsentPageModel> = {}): ConsentPageModel => ({
  locale: 'vi',
  client: { id: 'bank', name: 'Ngân hàng Thử nghiệm' },
  persona: { id: 'an', name: 'Nguyễn Văn An', level: 2 },
  purpose: 'Mở tài khoản thanh toán',
  attributes: [
    { name: 'pid', required: true },
    { name: 'name', required: true },
    { name: 'healthInsurance', required: false },
    { name: 'phone', required: false },
  ],
  form: { action: '/interaction/abc/consent', hidden: { interaction: 'abc' } },
  ...over,
});

/** Every control (input other than hidden) has a <label for> or is a button. */
function expectEveryControlLabelled(page: string) {
  const inputs = [...page.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);
  for (const input of inputs.filter((i) => !i.includes('type="hidden"'))) {
    const id = /\bid="([^"]+)"/.exec(input)?.[1];
    expect(id, input).toBeDefined();
    expect(page).toContain(`<label for="${id}"`);
  }
}

describe('html escaping', () => {
  it('escapes interpolated text and attribute values', () => {
    expect(html`<p title="${EVIL}">${EVIL}</p>`.value).toBe(
      `<p title="${escapeHtml(EVIL)}">${escapeHtml(EVIL)}</p>`,
    );
    expect(escapeHtml(EVIL)).not.toMatch(/[<>"'`]/);
  });

  it('nests templates without double escaping, joins arrays, drops false/null/undefined', () => {
    const inner = html`<b>${'a&b'}</b>`;
    expect(html`${inner}${[html`<i>1</i>`, '<2>']}${false}${null}${undefined}${0}`.value).toBe(
      '<b>a&amp;b</b><i>1</i>&lt;2&gt;0',
    );
  });

  it('escapes every value a page interpolates', () => {
    const pages = [
      renderLogin(
        loginModel({
          client: { id: EVIL, name: EVIL },
          personas: [{ id: EVIL, name: EVIL, level: 2, description: EVIL }],
          form: { action: EVIL, hidden: { [EVIL]: EVIL } },
          error: EVIL,
        }),
      ),
      renderConsent(consentModel({ client: { id: EVIL, name: EVIL }, purpose: EVIL })),
      renderDevice({
        locale: 'vi',
        state: 'enter_code',
        form: { action: EVIL },
        userCode: EVIL,
        error: EVIL,
      }),
      renderError({ locale: 'vi', error: EVIL, description: EVIL, backUrl: EVIL }),
      renderLoggedOut({ locale: 'vi', client: { id: EVIL, name: EVIL }, backUrl: EVIL }),
    ];
    for (const page of pages) {
      expect(page).not.toContain('<script');
      expect(page).toContain('&lt;script&gt;');
    }
  });
});

describe('persona picker', () => {
  const page = norm(renderLogin(loginModel({ requestedLevel: 2 })));

  it('is a full Vietnamese document', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Đăng nhập bằng tài khoản định danh điện tử');
    expect(page).toContain('Ngân hàng Thử nghiệm');
    expect(page).toContain('mức 2 trở lên');
  });

  it('groups personas by level in fieldsets with legends, level 2 first', () => {
    const g2 = page.indexOf(`data-testid="${PAGE_TEST_IDS.personaGroup}-2"`);
    const g1 = page.indexOf(`data-testid="${PAGE_TEST_IDS.personaGroup}-1"`);
    expect(g2).toBeGreaterThan(-1);
    expect(g1).toBeGreaterThan(g2);
    expect(page.match(/<legend>/g)).toHaveLength(2);
    expect(page).toContain('Tài khoản định danh điện tử mức 2');
  });

  it('labels every persona radio, marks locked accounts, preselects the first unlocked', () => {
    expectEveryControlLabelled(page);
    expect(page).toMatch(
      /<input type="radio" id="persona-an" name="persona" value="an" required data-testid="persona-an" checked/,
    );
    expect(page).toContain('Tài khoản bị khoá');
    expect(page).toContain('<input type="hidden" name="interaction" value="abc">');
    expect(page).toContain('action="/interaction/abc/login"');
    expect(page).toContain(`name="${PAGE_FIELDS.decision}" value="continue"`);
    expect(page).toContain(`name="${PAGE_FIELDS.decision}" value="cancel"`);
  });

  it('speaks English with locale en', () => {
    const en = renderLogin(loginModel({ locale: 'en', switchUrl: '/authorize?ui_locales=vi' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Log in with your electronic identity');
    expect(en).toContain('Level 2 electronic identity accounts');
    expect(en).toContain(`data-testid="${PAGE_TEST_IDS.languageSwitch}"`);
  });

  it('announces a form error', () => {
    expect(renderLogin(loginModel({ error: 'Chọn một công dân' }))).toMatch(
      /role="alert"[^>]*data-testid="form-error">Chọn một công dân/,
    );
  });
});

describe('consent screen', () => {
  const page = norm(renderConsent(consentModel()));

  it('names the client, its purpose and each attribute by its Vietnamese label', () => {
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('data-testid="consent-client">Ngân hàng Thử nghiệm<');
    expect(page).toContain('data-testid="consent-purpose">Mở tài khoản thanh toán<');
    for (const label of [
      'Số định danh cá nhân',
      'Họ, chữ đệm và tên',
      'Thẻ bảo hiểm y tế',
      'Số điện thoại',
    ]) {
      expect(page).toContain(label);
    }
    expect(page).toContain('dữ liệu cá nhân nhạy cảm');
  });

  it('fixes required attributes and offers optional ones as checked, labelled checkboxes', () => {
    expect(page).toContain('<input type="hidden" name="attribute" value="pid">');
    expect(page).not.toMatch(/type="checkbox"[^>]*value="pid"/);
    expect(page).toMatch(
      /<input type="checkbox" id="attribute-phone" name="attribute" value="phone" checked data-testid="attribute-phone">/,
    );
    expect(page).toContain(`data-testid="attribute-pid"`);
    expectEveryControlLabelled(page);
    expect(page).toContain('data-testid="approve"');
    expect(page).toContain('data-testid="deny"');
  });

  it('uses English labels with locale en, and says when no purpose was given', () => {
    const { purpose: _drop, ...rest } = consentModel();
    const en = renderConsent({ ...rest, locale: 'en' });
    expect(en).toContain('Health insurance card');
    expect(en).toContain('Personal ID number');
    expect(en).toContain('The service gave no purpose.');
  });
});

describe('device page', () => {
  it('asks for the user code with a labelled input', () => {
    const page = norm(
      renderDevice({ locale: 'vi', state: 'enter_code', form: { action: '/device' } }),
    );
    expect(page).toContain('data-testid="device-code-form"');
    expect(page).toContain('<label for="user-code">');
    expect(page).toContain('name="user_code"');
    expectEveryControlLabelled(page);
  });

  it('confirms with a persona picker and approve/deny, keeping the user code', () => {
    const page = norm(
      renderDevice({
        locale: 'en',
        state: 'confirm',
        form: { action: '/device' },
        userCode: 'WDJB-MJHT',
        client: { id: 'tax', name: 'Tax portal' },
        personas: [{ id: 'an', name: 'Nguyễn Văn An', level: 2 }],
      }),
    );
    expect(page).toContain('<input type="hidden" name="user_code" value="WDJB-MJHT">');
    expect(page).toContain('data-testid="persona-an"');
    expect(page).toContain('data-testid="approve"');
    expect(page).toContain('Tax portal');
    expectEveryControlLabelled(page);
  });

  it.each(['approved', 'denied', 'expired'] as const)('shows the %s state', (state) => {
    const page = renderDevice({ locale: 'vi', state, form: { action: '/device' } });
    expect(page).toContain(`data-testid="device-result" data-state="${state}"`);
    expect(page).not.toContain('<form');
  });
});

describe('error and logged-out pages', () => {
  it('shows the error code, description and a back link', () => {
    const page = renderError({
      locale: 'vi',
      error: 'invalid_request',
      description: 'redirect_uri không khớp',
      backUrl: 'https://rp.example/',
    });
    expect(page).toContain('data-testid="error-code">invalid_request<');
    expect(page).toContain('data-testid="error-description">redirect_uri không khớp<');
    expect(page).toContain('data-testid="back-link"');
    expect(page).toContain('Đã xảy ra lỗi');
  });

  it('says the citizen is logged out', () => {
    const page = renderLoggedOut({ locale: 'en', client: { id: 'bank', name: 'Bank' } });
    expect(page).toContain('data-testid="logged-out"');
    expect(page).toContain('You are logged out');
    expect(page).not.toContain('data-testid="back-link"');
  });
});

describe('every documented test id appears on some page', () => {
  it('covers PAGE_TEST_IDS', () => {
    const all = [
      renderLogin(loginModel({ error: 'x', switchUrl: '/x' })),
      renderConsent(consentModel()),
      renderDevice({ locale: 'vi', state: 'enter_code', form: { action: '/d' } }),
      renderDevice({
        locale: 'vi',
        state: 'confirm',
        form: { action: '/d' },
        personas: loginModel().personas,
        client: { id: 'c', name: 'C' },
      }),
      renderDevice({ locale: 'vi', state: 'approved', form: { action: '/d' } }),
      renderError({ locale: 'vi', error: 'e', description: 'd', backUrl: '/' }),
      renderLoggedOut({ locale: 'vi' }),
    ].join('\n');
    for (const id of Object.values(PAGE_TEST_IDS)) {
      expect(all, id).toMatch(new RegExp(`data-testid="${id}(-[^"]+)?"`));
    }
  });
});

describe('pickLocale and headers', () => {
  it('picks the first supported ui_locales tag, Vietnamese by default', () => {
    expect(pickLocale(undefined)).toBe('vi');
    expect(pickLocale('en')).toBe('en');
    expect(pickLocale('fr-FR en-GB vi')).toBe('en');
    expect(pickLocale('vi-VN en')).toBe('vi');
    expect(pickLocale('de')).toBe('vi');
  });

  it('locks pages down with a strict CSP', () => {
    const csp = pageHeaders['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(
      pageHeadersFor(['https://rp.example/cb', 'not a uri'])['content-security-policy'],
    ).toContain("form-action 'self' https://rp.example;");
  });
});
