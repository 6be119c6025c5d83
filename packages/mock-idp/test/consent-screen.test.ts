/**
 * The consent screen tells the truth: required (essential) attributes stand under their own
 * heading, cannot be unticked and say why; optional ones can be; the purpose is shown; a
 * sensitive attribute is never ticked in advance; and the server grants a required
 * attribute whatever the form posts, so it cannot be declined except by denying.
 */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { authorizationRequest, connect, exchange, formPost, ISSUER } from './helpers';

const PURPOSE = 'Mở tài khoản thanh toán';

async function consentPage(scope: string, claims: Record<string, unknown>) {
  const { idp, config } = await connect({}, { autoApprove: false });
  const { url, ...checks } = await authorizationRequest(config, {
    scope,
    claims: JSON.stringify({ userinfo: claims }),
    purpose: PURPOSE,
  });
  const interaction = (await idp.fetch(new Request(url))).headers.get('location')!;
  expect(interaction).toMatch(new RegExp(`^${ISSUER}/interaction/`));
  await idp.fetch(formPost(`${interaction}/login`, [['persona', 'citizen-l2']]));
  const html = await (await idp.fetch(new Request(interaction))).text();
  return { idp, config, interaction, html, checks };
}

/** The `<input>` tag of an attribute's checkbox. */
function checkbox(html: string, attribute: string): string {
  const match = new RegExp(`<input[^>]*data-testid="attribute-${attribute}"[^>]*>`).exec(html);
  if (match === null) throw new Error(`no checkbox for ${attribute}`);
  return match[0];
}

/** The HTML of a fieldset by test id. */
function fieldset(html: string, testId: string): string {
  const start = html.indexOf(`data-testid="${testId}"`);
  if (start < 0) throw new Error(`no ${testId}`);
  return html.slice(start, html.indexOf('</fieldset>', start));
}

describe('consent screen', () => {
  it('shows required attributes under their own heading, ticked, disabled and explained', async () => {
    const { html } = await consentPage('openid vn_name', {
      vn_pid: { essential: true },
      birthdate: { essential: true },
      name: null,
    });
    const required = fieldset(html, 'consent-required');
    expect(required).toContain('Thông tin bắt buộc');
    expect(required).toContain('không thể bỏ chọn');
    expect(required).toContain('data-testid="attribute-pid"');
    expect(required).toContain('data-testid="attribute-birthdate"');
    expect(required).not.toContain('data-testid="attribute-name"');
    expect(checkbox(html, 'pid')).toMatch(/\bdisabled\b/);
    expect(checkbox(html, 'pid')).toMatch(/\bchecked\b/);
    const optional = fieldset(html, 'consent-optional');
    expect(optional).toContain('data-testid="attribute-name"');
    expect(checkbox(html, 'name')).not.toMatch(/\bdisabled\b/);
    expect(checkbox(html, 'name')).toMatch(/\bchecked\b/);
    expect(html).toContain(PURPOSE);
  });

  it('never pre-ticks a sensitive attribute', async () => {
    const { html } = await consentPage('openid vn_health_insurance vn_ethnicity profile', {});
    expect(checkbox(html, 'healthInsurance')).not.toMatch(/\bchecked\b/);
    expect(checkbox(html, 'ethnicity')).not.toMatch(/\bchecked\b/);
    expect(checkbox(html, 'name')).toMatch(/\bchecked\b/);
    expect(html).toContain('không được chọn sẵn');
  });

  it('a form that leaves out a required attribute still shares it: only deny declines', async () => {
    const { idp, config, interaction, checks } = await consentPage('openid vn_name', {
      vn_pid: { essential: true },
      name: null,
    });
    const done = await idp.fetch(formPost(`${interaction}/consent`, [['decision', 'approve']]));
    expect(done.status).toBe(303);
    const callback = new URL(done.headers.get('location')!);
    const tokens = await exchange(config, { callback, ...checks });
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(info.vn_pid).toBe('001085012345');
    expect(info.name).toBeUndefined();
  });
});
