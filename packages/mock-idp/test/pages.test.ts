import { describe, expect, it } from 'vitest';
import type { ConsentPageModel, LoginPageModel, PersonaSummary } from '../src/page-models';
import { escapeHtml, html } from '../src/pages/html';
import {
  PAGE_FIELDS,
  PAGE_TEST_IDS,
  pageHeaders,
  pageHeadersFor,
  pickLocale,
  renderConsent,
  renderDevice,
  renderError,
  renderHome,
  renderLoggedOut,
  renderLogin,
} from '../src/pages';

/** Collapses the whitespace prettier puts into templates, so tests read like the markup. */
const norm = (page: string) =>
  page
    .replace(/\s+/g, ' ')
    .replace(/ ?\/?>/g, '>')
    .replace(/> </g, '><');

const EVIL = '<script>alert("x")</script>&\'`';

const PERSONAS: readonly PersonaSummary[] = [
  { id: 'an', label: 'Nguyễn Văn An', level: 2, accountType: 'citizen', locked: false },
  { id: 'binh', label: 'Trần Thị Bình', level: 1, accountType: 'citizen', locked: false },
  { id: 'khoa', label: 'Lê Văn Khoá', level: 2, accountType: 'citizen', locked: true },
  { id: 'john', label: 'John Smith', level: 2, accountType: 'foreigner', locked: false },
  {
    id: 'org',
    label: 'Công ty TNHH Thử nghiệm',
    level: 0,
    accountType: 'organisation',
    locked: false,
  },
];

const loginModel = (over: Partial<LoginPageModel> = {}): LoginPageModel => ({
  interactionId: 'abc',
  locale: 'vi',
  client: { id: 'bank', name: 'Ngân hàng Thử nghiệm' },
  personas: PERSONAS,
  actions: { login: 'http://127.0.0.1:9400/interaction/abc/login' },
  ...over,
});

const consentModel = (over: Partial<ConsentPageModel> = {}): ConsentPageModel => ({
  interactionId: 'abc',
  locale: 'vi',
  client: { id: 'bank', name: 'Ngân hàng Thử nghiệm' },
  persona: PERSONAS[0]!,
  purpose: 'Mở tài khoản thanh toán',
  requested: [
    { attribute: 'pid', required: true },
    { attribute: 'name', required: true },
    { attribute: 'healthInsurance', required: false },
    { attribute: 'phone', required: false },
  ],
  actions: { consent: 'http://127.0.0.1:9400/interaction/abc/consent' },
  ...over,
});

/** Every control other than hidden inputs has a `<label for>`. */
function expectEveryControlLabelled(page: string) {
  const inputs = [...page.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]);
  expect(inputs.length).toBeGreaterThan(0);
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
    const evilPersona: PersonaSummary = {
      id: EVIL,
      label: EVIL,
      level: 2,
      accountType: 'citizen',
      locked: true,
    };
    const pages = [
      renderLogin(
        loginModel({
          interactionId: EVIL,
          client: { id: EVIL, name: EVIL },
          personas: [evilPersona],
          actions: { login: EVIL },
          error: EVIL,
          loginHint: EVIL,
        }),
      ),
      renderConsent(
        consentModel({
          interactionId: EVIL,
          client: { id: EVIL, name: EVIL },
          persona: evilPersona,
          purpose: EVIL,
          actions: { consent: EVIL },
        }),
      ),
      renderDevice({
        locale: 'vi',
        state: 'error',
        personas: [],
        actions: { device: EVIL },
        userCode: EVIL,
        message: EVIL,
      }),
      renderDevice({
        locale: 'vi',
        state: 'pick',
        personas: [evilPersona],
        client: { id: EVIL, name: EVIL },
        actions: { device: EVIL },
        userCode: EVIL,
      }),
      renderError({ locale: 'vi', title: EVIL, error: EVIL, description: EVIL }),
      renderLoggedOut({ locale: 'vi', client: { id: EVIL, name: EVIL } }),
    ];
    for (const page of pages) {
      expect(page).not.toContain('<script');
      expect(page).not.toContain('"x")');
      expect(page).toContain('&lt;script&gt;');
    }
  });
});

describe('persona picker', () => {
  const page = norm(renderLogin(loginModel({ requestedLevel: 2 })));

  it('is a full Vietnamese document naming the client', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('Đăng nhập bằng tài khoản định danh điện tử');
    expect(page).toContain('data-testid="client-name">Ngân hàng Thử nghiệm<');
    expect(page).toContain('mức 2 trở lên');
  });

  it('groups personas by level in fieldsets with legends, level 2 first', () => {
    const g2 = page.indexOf(`data-testid="${PAGE_TEST_IDS.personaGroup}-2"`);
    const g1 = page.indexOf(`data-testid="${PAGE_TEST_IDS.personaGroup}-1"`);
    expect(g2).toBeGreaterThan(-1);
    expect(g1).toBeGreaterThan(g2);
    // one legend for the whole choice (a form error is tied to it), one per level
    expect(page.match(/<legend>/g)).toHaveLength(4);
    expect(page).toContain('<legend>Chọn tài khoản</legend>');
    expect(page).toContain('<legend>Tài khoản định danh điện tử mức 2</legend>');
    expect(page).toContain('<legend>Tài khoản định danh điện tử của tổ chức</legend>');
    expect(page.indexOf('persona-group-0')).toBeGreaterThan(g1);
    expect(page.indexOf('persona-binh')).toBeGreaterThan(g1);
  });

  it('labels every persona radio, marks locked and foreign accounts, preselects the first unlocked', () => {
    expectEveryControlLabelled(page);
    expect(page).toMatch(
      /<input type="radio" id="persona-an" name="persona" value="an" required checked/,
    );
    expect(page).not.toMatch(/id="persona-binh"[^>]*checked/);
    expect(page).toContain('Công dân Việt Nam · Tài khoản bị khoá');
    expect(page).toContain('Người nước ngoài');
  });

  it('posts persona with the interaction id, and cancel posts decision=deny', () => {
    expect(page).toContain(
      '<form method="post" action="http://127.0.0.1:9400/interaction/abc/login"',
    );
    expect(page).toContain(`<input type="hidden" name="${PAGE_FIELDS.interaction}" value="abc">`);
    expect(page).toMatch(
      /name="decision" value="deny"[^>]*formnovalidate[^>]*data-testid="login-cancel"/,
    );
    expect(page).toMatch(/<button type="submit" data-testid="login-submit">/);
  });

  it('preselects the login_hint persona', () => {
    const hinted = norm(renderLogin(loginModel({ loginHint: 'john' })));
    expect(hinted).toMatch(/id="persona-john"[^>]*checked/);
    expect(hinted).not.toMatch(/id="persona-an"[^>]*checked/);
  });

  it('speaks English with locale en', () => {
    const en = renderLogin(loginModel({ locale: 'en' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Log in with your electronic identity');
    expect(en).toContain('Level 2 electronic identity accounts');
    expect(en).toContain('Foreign national');
    expect(en).toContain('Organisation electronic identity accounts');
  });

  it('announces a form error', () => {
    expect(norm(renderLogin(loginModel({ error: 'Tài khoản bị khoá' })))).toMatch(
      /role="alert" id="form-error" data-testid="form-error" tabindex="-1" autofocus> ?Tài khoản bị khoá/,
    );
  });
});

describe('consent screen', () => {
  const page = norm(renderConsent(consentModel()));

  it('names the client, the persona, the purpose and each attribute by its Vietnamese label', () => {
    expect(page).toContain('<html lang="vi">');
    expect(page).toContain('data-testid="client-name">Ngân hàng Thử nghiệm<');
    expect(page).toContain('data-testid="consent-persona">Nguyễn Văn An<');
    expect(page).toContain('data-testid="consent-purpose">Mở tài khoản thanh toán<');
    for (const label of [
      'Số định danh cá nhân',
      'Họ, chữ đệm và tên',
      'Thẻ bảo hiểm y tế',
      'Số điện thoại',
    ]) {
      expect(page).toContain(label);
    }
    // a space and a visually hidden dash: read as two words, not "y tếdữ liệu"
    expect(page).toContain(
      'Thẻ bảo hiểm y tế <span class="tag sensitive"><span class="visually-hidden">— </span>dữ liệu cá nhân nhạy cảm',
    );
  });

  it('fixes required attributes and offers optional ones as ticked, labelled checkboxes', () => {
    expect(page).toContain('<input type="hidden" name="attributes" value="pid">');
    expect(page).not.toMatch(/type="checkbox"[^>]*value="pid"/);
    expect(page).toContain(
      '<input type="checkbox" id="attribute-phone" name="attributes" value="phone" checked data-testid="attribute-phone">',
    );
    expect(page).toContain('data-testid="attribute-pid"');
    expectEveryControlLabelled(page);
    expect(page).toContain('name="decision" value="approve" data-testid="approve"');
    expect(page).toContain('name="decision" value="deny" class="secondary" data-testid="deny"');
    expect(page).toContain('<input type="hidden" name="interaction" value="abc">');
    expect(page.match(/<legend>/g)).toHaveLength(2);
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
  it('asks for the user code with a labelled input, by GET so the QR link lands on the same page', () => {
    const page = norm(
      renderDevice({
        locale: 'vi',
        state: 'enter_code',
        personas: [],
        actions: { device: '/device' },
      }),
    );
    expect(page).toContain('<form method="get" action="/device" data-testid="device-code-form">');
    expect(page).toContain('<label for="user-code">');
    expect(page).toContain('name="user_code"');
    expectEveryControlLabelled(page);
  });

  it('re-asks with an alert in the error state', () => {
    const page = norm(
      renderDevice({
        locale: 'vi',
        state: 'error',
        personas: [],
        actions: { device: '/device' },
        userCode: 'ABCD',
      }),
    );
    expect(page).toContain('role="alert"');
    expect(page).toContain('Mã không đúng hoặc đã hết hạn');
    expect(page).toMatch(/aria-invalid="true" aria-describedby="form-error"/);
  });

  it('picks a persona and approves or denies, keeping the user code', () => {
    const page = norm(
      renderDevice({
        locale: 'en',
        state: 'pick',
        actions: { device: '/device' },
        userCode: 'WDJB-MJHT',
        client: { id: 'tax', name: 'Tax portal' },
        personas: PERSONAS,
      }),
    );
    expect(page).toContain(
      '<form method="post" action="/device" data-testid="device-confirm-form">',
    );
    expect(page).toContain('<input type="hidden" name="user_code" value="WDJB-MJHT">');
    expect(page).toContain('data-testid="persona-an"');
    expect(page).toContain('data-testid="approve"');
    expect(page).toContain('data-testid="client-name">Tax portal<');
    expectEveryControlLabelled(page);
  });

  it.each([
    ['done_approved', 'approved', 'Đã xác nhận'],
    ['done_denied', 'denied', 'Đã từ chối'],
  ] as const)('shows the %s state', (state, shown, text) => {
    const page = renderDevice({
      locale: 'vi',
      state,
      personas: [],
      actions: { device: '/device' },
    });
    expect(page).toContain(`data-testid="device-result" data-state="${shown}">${text}`);
    expect(page).not.toContain('<form');
  });
});

describe('error and logged-out pages', () => {
  it('shows the title, description and error code', () => {
    const page = norm(
      renderError({
        locale: 'vi',
        title: 'Địa chỉ chuyển hướng không hợp lệ',
        error: 'invalid_request',
        description: 'redirect_uri không khớp',
      }),
    );
    expect(page).toContain('<h1>Địa chỉ chuyển hướng không hợp lệ</h1>');
    expect(page).toContain('data-testid="error-code">invalid_request<');
    expect(page).toContain('data-testid="error-description">redirect_uri không khớp<');
    expect(page).toContain('role="alert"');
  });

  it('says the citizen is logged out', () => {
    const page = renderLoggedOut({ locale: 'en', client: { id: 'bank', name: 'Bank' } });
    expect(page).toContain('data-testid="logged-out"');
    expect(page).toContain('You are logged out');
    expect(page).toContain('data-testid="client-name">Bank<');
  });
});

describe('every documented test id appears on some page', () => {
  it('covers PAGE_TEST_IDS', () => {
    const device = { personas: PERSONAS, actions: { device: '/d' }, locale: 'vi' } as const;
    const all = [
      renderLogin(loginModel({ error: 'x' })),
      renderConsent(consentModel()),
      renderDevice({ ...device, state: 'enter_code' }),
      renderDevice({ ...device, state: 'pick', userCode: 'AB', client: { id: 'c', name: 'C' } }),
      renderDevice({ ...device, state: 'done_approved' }),
      renderError({
        locale: 'vi',
        title: 't',
        error: 'e',
        description: 'd',
        next: 'n',
        detail: 'x',
      }),
      renderLoggedOut({ locale: 'vi' }),
      renderHome({
        locale: 'vi',
        issuer: 'http://i',
        discovery: 'http://i/d',
        jwks: 'http://i/j',
        clients: [{ id: 'c', name: 'C', dialect: 'standard', redirectUris: ['http://c/cb'] }],
        personas: PERSONAS,
        admin: false,
        otherLocale: { locale: 'en', href: 'http://i/?ui_locales=en' },
      }),
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
    expect(pickLocale('de', 'en')).toBe('en');
  });

  it('locks pages down with a strict CSP', () => {
    const csp = pageHeaders['content-security-policy'];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(pageHeaders['x-frame-options']).toBe('DENY');
    expect(
      pageHeadersFor(['https://rp.example/cb', 'not a uri'])['content-security-policy'],
    ).toContain("form-action 'self' https://rp.example;");
  });
});
