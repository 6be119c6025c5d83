/**
 * The purpose of a login reaches the provider's consent screen: core names it beside each
 * attribute of the `claims` parameter (OpenID Connect for Identity Assurance §6.1 `purpose`),
 * which is where the mock, like an IDA provider, reads it from.
 */
import { PAGE_TEST_IDS, type MockIdp } from '@dinhdanh/mock-idp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fetchVia, inProcessIdp, relyingParty, ISSUER } from './support';

const PURPOSE = 'Nhận biết khách hàng trước khi mở tài khoản thanh toán';

let idp: MockIdp;
beforeAll(async () => {
  idp = await inProcessIdp({ autoApprove: false });
});

describe('the purpose of a login', () => {
  it('is sent with each attribute of the claims parameter', async () => {
    const rp = relyingParty(ISSUER, 'rp-standard', { fetch: fetchVia(idp), par: 'off' });
    const { url } = await rp.startLogin({
      attributes: ['name', 'pid'],
      required: ['pid'],
      purpose: PURPOSE,
    });
    expect(JSON.parse(new URL(url).searchParams.get('claims')!)).toEqual({
      userinfo: { name: { purpose: PURPOSE }, vn_pid: { essential: true, purpose: PURPOSE } },
    });
  });

  for (const client of ['rp-standard', 'rp-vneid-sso']) {
    it(`is shown on the provider's consent screen (${client})`, async () => {
      const rp = relyingParty(ISSUER, client, { fetch: fetchVia(idp) });
      const { url } = await rp.startLogin({ attributes: ['name'], purpose: PURPOSE });
      const authorize = await idp.fetch(new Request(url));
      const picker = await idp.fetch(new Request(authorize.headers.get('location')!));
      const html = await picker.text();
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)];
      expect(action).toBeDefined();
      const body = new URLSearchParams(fields.map((m) => [m[1]!, m[2]!]));
      body.set('persona', 'citizen-l2');
      const consent = await idp.fetch(
        new Request(new URL(action!.replaceAll('&amp;', '&'), ISSUER), {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: picker.headers.get('set-cookie')?.split(';')[0] ?? '',
          },
          body,
        }),
      );
      expect(consent.status).toBe(303);
      const page = await (await idp.fetch(new Request(consent.headers.get('location')!))).text();
      const purpose = new RegExp(
        `data-testid="${PAGE_TEST_IDS.consentPurpose}"[^>]*>([^<]*)<`,
      ).exec(page);
      expect(purpose?.[1]).toBe(PURPOSE);
    });
  }
});
