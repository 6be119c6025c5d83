/** The browser login: persona picker, consent (granted may differ from requested), errors. */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import type { MockIdp } from '../src/index';
import { authorizationRequest, connect, exchange, formPost, ISSUER, REDIRECT } from './helpers';

async function begin(
  idp: MockIdp,
  config: client.Configuration,
  params: Record<string, string> = {},
) {
  const { url, ...checks } = await authorizationRequest(config, {
    scope: 'openid profile email phone vn_health_insurance',
    ...params,
  });
  const res = await idp.fetch(new Request(url));
  expect(res.status).toBe(302);
  const interaction = res.headers.get('location')!;
  // a language other than the default travels with the interaction URL
  expect(interaction).toMatch(
    new RegExp(`^${ISSUER}/interaction/[A-Za-z0-9_-]+(\\?ui_locales=en)?$`),
  );
  return { interaction, ...checks };
}

describe('interactive login', () => {
  it('picker → consent with an attribute unticked → code; userinfo has only what was granted', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const { interaction, ...checks } = await begin(idp, config, {
      claims: JSON.stringify({ userinfo: { vn_pid: { essential: true } } }),
      purpose: 'Mở tài khoản thanh toán',
    });

    const picker = await idp.fetch(new Request(interaction));
    expect(picker.status).toBe(200);
    const pickerHtml = await picker.text();
    expect(pickerHtml).toContain('citizen-l2');
    expect(pickerHtml).toContain(`${interaction}/login`);

    const afterLogin = await idp.fetch(
      formPost(`${interaction}/login`, [['persona', 'citizen-l2']]),
    );
    expect(afterLogin.status).toBe(303);
    expect(afterLogin.headers.get('location')).toBe(interaction);

    const consent = await idp.fetch(new Request(interaction));
    const consentHtml = await consent.text();
    expect(consentHtml).toContain('Ngân hàng Thử nghiệm');
    expect(consentHtml).toContain('Mở tài khoản thanh toán');
    expect(consentHtml).toContain(`${interaction}/consent`);

    // grant name + email, untick phone, birthdate, gender, nationality and health insurance
    const done = await idp.fetch(
      formPost(`${interaction}/consent`, [
        ['decision', 'approve'],
        ['attributes', 'name'],
        ['attributes', 'email'],
        ['attributes', 'portrait'], // not requested: ignored
      ]),
    );
    expect(done.status).toBe(303);
    const callback = new URL(done.headers.get('location')!);
    expect(callback.searchParams.get('iss')).toBe(ISSUER);
    const tokens = await exchange(config, { callback, ...checks });
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(Object.keys(info).sort()).toEqual(
      [
        'sub',
        'vn_account_type',
        'vn_pid',
        'name',
        'family_name',
        'middle_name',
        'given_name',
        'email',
        'email_verified',
      ].sort(),
    );
    // the interaction is over
    expect((await idp.fetch(new Request(interaction))).status).toBe(404);
  });

  it('renders English with ui_locales=en', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const { interaction } = await begin(idp, config, { ui_locales: 'en-GB vi' });
    expect(await (await idp.fetch(new Request(interaction))).text()).toMatch(/lang="en"/);
  });

  it('deny on the consent screen and cancel on the picker end in access_denied', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const a = await begin(idp, config);
    await idp.fetch(formPost(`${a.interaction}/login`, [['persona', 'citizen-l1']]));
    const denied = await idp.fetch(formPost(`${a.interaction}/consent`, [['decision', 'deny']]));
    const location = new URL(denied.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe(a.state);

    const b = await begin(idp, config);
    const cancelled = await idp.fetch(formPost(`${b.interaction}/login`, [['decision', 'deny']]));
    expect(new URL(cancelled.headers.get('location')!).searchParams.get('error')).toBe(
      'access_denied',
    );
  });

  it('picking the locked persona ends in access_denied; an unknown persona re-renders the picker', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const { interaction } = await begin(idp, config);
    const unknown = await idp.fetch(formPost(`${interaction}/login`, [['persona', 'nobody']]));
    expect(unknown.status).toBe(400);
    const locked = await idp.fetch(formPost(`${interaction}/login`, [['persona', 'locked']]));
    const location = new URL(locked.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/khóa/);
  });

  it('prompt=none without a headless login answers login_required', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
      prompt: 'none',
    });
    const res = await idp.fetch(new Request(url));
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('login_required');
  });

  it('without requested attributes the picker goes straight back with a code', async () => {
    const { idp, config } = await connect({}, { autoApprove: false });
    const { interaction } = await begin(idp, config, { scope: 'openid' });
    const res = await idp.fetch(formPost(`${interaction}/login`, [['persona', 'foreigner-l1']]));
    expect(new URL(res.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });
});
