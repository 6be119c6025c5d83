/**
 * Every page a citizen sees speaks their language (Vietnamese by default, English with
 * `ui_locales=en`) and says what to do next; developers keep the technical detail.
 */
import { describe, expect, it } from 'vitest';
import { createMockIdp, type MockIdp } from '../src/index';
import { formPost, ISSUER, REDIRECT, setup } from './helpers';

const S256 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function authorize(params: Record<string, string>): Request {
  const url = new URL(`${ISSUER}/authorize`);
  url.search = new URLSearchParams({
    client_id: 'rp',
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid profile',
    state: 's1',
    code_challenge: S256,
    code_challenge_method: 'S256',
    ...params,
  }).toString();
  return new Request(url);
}

/** The text of an element by its test id (the pages put the text right inside it). */
function byTestId(page: string, id: string): string | undefined {
  const match = new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(page);
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&#39;': "'" };
  return match?.[1]
    ?.replace(/&(lt|gt|amp|#39);/g, (e) => entities[e] ?? e)
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the error pages', () => {
  it('tell a citizen, in English with ui_locales=en, that the service is unknown and what to do', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const res = await idp.fetch(authorize({ client_id: 'nobody', ui_locales: 'en' }));
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<html lang="en">');
    expect(byTestId(page, 'error-description')).toBe(
      'The service asking you to log in is not registered with this identity server.',
    );
    expect(byTestId(page, 'error-next')).toMatch(/^Go back to the service/);
    expect(byTestId(page, 'error-code')).toBe('invalid_client');
    // the developer detail names what is registered and how to register
    const detail = byTestId(page, 'error-detail') ?? '';
    expect(detail).toContain('unknown client_id nobody');
    expect(detail).toContain('registered: rp, dinhdanh-dev');
    expect(detail).toContain('--config');
    expect(page).toMatch(/<p lang="en" data-testid="error-detail">/);
  });

  it('speak Vietnamese by default, the technical sentence kept for developers', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const page = await (await idp.fetch(authorize({ client_id: 'nobody' }))).text();
    expect(page).toContain('<html lang="vi">');
    expect(byTestId(page, 'error-description')).toBe(
      'Dịch vụ yêu cầu đăng nhập chưa được đăng ký với máy chủ định danh này.',
    );
    expect(byTestId(page, 'error-next')).toMatch(/^Hãy quay lại trang của dịch vụ/);
    expect(page).toContain('<summary>Dành cho nhà phát triển</summary>');
    expect(byTestId(page, 'error-detail')).toContain('unknown client_id nobody');
  });

  it('name the registered redirect URIs, say they match exactly and point at --config', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const wrong = 'http://localhost:5173/auth/callback';
    const res = await idp.fetch(authorize({ redirect_uri: wrong, ui_locales: 'en' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    const page = await res.text();
    expect(byTestId(page, 'error-description')).toMatch(/return address is not registered/);
    const detail = byTestId(page, 'error-detail') ?? '';
    expect(detail).toContain('redirect_uri is not registered for this client');
    expect(detail).toContain(`${wrong} is not one of ${REDIRECT} registered for rp`);
    expect(detail).toContain('match exactly');
    expect(detail).toContain('RFC 8252');
    expect(detail).toContain('--config <file>');
    expect(detail).toContain('clients option');
  });

  it('keep English when an expired login link is opened again', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const start = await idp.fetch(authorize({ ui_locales: 'en' }));
    const interaction = start.headers.get('location')!;
    expect(interaction).toMatch(/\?ui_locales=en$/);
    const login = new URL(interaction);
    login.pathname += '/login';
    const cancelled = await idp.fetch(formPost(login.href, { decision: 'deny' }));
    expect(cancelled.status).toBe(303);
    const again = await idp.fetch(new Request(interaction));
    expect(again.status).toBe(404);
    const page = await again.text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<h1>This login has expired</h1>');
    expect(byTestId(page, 'error-next')).toBe(
      'Go back to the service’s page and start the login again.',
    );
  });

  it('explain an unregistered post-logout address in the citizen’s language', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const url = new URL(`${ISSUER}/end_session`);
    url.search = new URLSearchParams({
      client_id: 'rp',
      post_logout_redirect_uri: 'http://127.0.0.1:3000/elsewhere',
      ui_locales: 'vi',
    }).toString();
    const page = await (await idp.fetch(new Request(url))).text();
    expect(page).toContain('<h1>Không thể đăng xuất</h1>');
    expect(byTestId(page, 'error-description')).toMatch(/bạn chưa được đăng xuất/);
    expect(byTestId(page, 'error-detail')).toContain('registered for rp: http://127.0.0.1:3000/');
  });
});

describe('the persona picker', () => {
  it('describes each built-in persona in English with ui_locales=en', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const start = await idp.fetch(authorize({ ui_locales: 'en' }));
    const page = await (await idp.fetch(new Request(start.headers.get('location')!))).text();
    expect(page).toContain('level 2 citizen with every integrated document');
    expect(page).toContain('child under 14 (account registered by the mother)');
    expect(page).not.toContain('công dân mức');
    expect(page).not.toContain('trẻ em');
  });

  it('describes them in Vietnamese by default, the name alone as the label', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const start = await idp.fetch(authorize({}));
    const page = await (await idp.fetch(new Request(start.headers.get('location')!))).text();
    expect(page).toMatch(/<label for="persona-citizen-l2">Nguyễn Văn An<\/label>/);
    expect(page).toMatch(
      /id="persona-citizen-l2-hint">công dân mức 2, đủ giấy tờ tích hợp · Công dân Việt Nam</,
    );
  });

  it('ties a missing choice to the group of personas and focuses the error', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const start = await idp.fetch(authorize({ ui_locales: 'en' }));
    const login = new URL(start.headers.get('location')!);
    login.pathname += '/login';
    const res = await idp.fetch(formPost(login.href, {}));
    expect(res.status).toBe(400);
    const page = (await res.text()).replace(/\s+/g, ' ');
    expect(page).toMatch(
      /<fieldset class="personas" data-testid="persona-picker" aria-describedby="form-error" aria-invalid="true" ?>/,
    );
    expect(page).toMatch(/id="form-error" data-testid="form-error" tabindex="-1" autofocus ?>/);
    expect(page).toContain('You have not chosen an account.');
    expect(page).not.toMatch(/type="radio"[^>]*checked/);
  });
});

describe('the share phone page', () => {
  const START = Date.UTC(2026, 10, 23, 12, 0, 0); // 19:00 in Hà Nội
  const SECRET = 'bank-secret-0123456789-0123456789-abcdef';

  function harness(): { idp: MockIdp; clock: { t: number } } {
    const clock = { t: START };
    const idp = createMockIdp({
      issuer: ISSUER,
      now: () => clock.t,
      clients: [
        {
          clientId: 'bank',
          clientSecret: SECRET,
          name: 'Ngân hàng Thử nghiệm',
          redirectUris: ['http://127.0.0.1:3000/cb'],
          share: { lifetime: 300 },
        },
      ],
    });
    return { idp, clock };
  }

  async function startShare(idp: MockIdp): Promise<string> {
    const res = await idp.fetch(
      formPost(`${ISSUER}/share`, {
        client_id: 'bank',
        client_secret: SECRET,
        attributes: 'pid name',
        purpose: 'Mở tài khoản',
      }),
    );
    expect(res.status).toBe(201);
    return ((await res.json()) as { link: string }).link;
  }

  it('shows the expiry in Vietnam time from the mock’s clock, with the time left', async () => {
    const { idp, clock } = harness();
    const link = await startShare(idp);
    clock.t += 60_000;
    const vi = (await (await idp.fetch(new Request(link))).text()).replace(/\s+/g, ' ');
    expect(vi).toContain(
      'Hết hạn lúc: <time datetime="2026-11-23T12:05:00.000Z">19:05 23/11/2026</time> (giờ Việt Nam), còn khoảng 4 phút.',
    );
    // UTC only in the machine-readable attribute
    expect(vi.replace(/datetime="[^"]*"/, '')).not.toContain('12:05');
    const en = (await (await idp.fetch(new Request(`${link}?ui_locales=en`))).text()).replace(
      /\s+/g,
      ' ',
    );
    expect(en).toMatch(
      /Expires at: <time [^>]*>23\/11\/2026, 19:05<\/time> \(Vietnam time\), about 4 minutes left\./,
    );
  });

  it('says a locked account cannot share, in the citizen’s language, and what to do', async () => {
    const { idp } = harness();
    const link = await startShare(idp);
    for (const [locale, text] of [
      [
        'vi',
        'Tài khoản định danh điện tử này đang bị khoá nên không thể chia sẻ thông tin. Hãy chọn tài khoản khác',
      ],
      [
        'en',
        'This electronic identity account is locked, so it cannot share information. Choose another account',
      ],
    ] as const) {
      const res = await idp.fetch(
        formPost(link, { ui_locales: locale, persona: 'locked', decision: 'approve' }),
      );
      expect(res.status).toBe(400);
      const page = (await res.text()).replace(/\s+/g, ' ');
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page).toContain(text);
      expect(page).not.toContain('this e-identity account is locked');
      expect(page).toContain('aria-describedby="form-error" aria-invalid="true"');
    }
  });
});

describe('the device (phone) page', () => {
  it('says in English that a locked account ended the login and what to do next', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    const started = await idp.fetch(
      new Request(`${ISSUER}/device_authorization`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${btoa('dinhdanh-dev:dinhdanh-dev-secret-change-me-0123456789')}`,
        },
        body: 'scope=openid',
      }),
    );
    expect(started.status).toBe(200);
    const { user_code } = (await started.json()) as { user_code: string };
    const res = await idp.fetch(
      formPost(`${ISSUER}/device`, {
        ui_locales: 'en',
        user_code,
        persona: 'locked',
        decision: 'approve',
      }),
    );
    expect(res.status).toBe(400);
    const page = (await res.text()).replace(/\s+/g, ' ');
    expect(page).toContain('This electronic identity account is locked');
    expect(page).toContain('Start the login again on the first device');
  });
});
