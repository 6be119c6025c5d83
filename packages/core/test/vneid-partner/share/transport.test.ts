/** The share transport behind rp.startQrLogin / rp.pollQrLogin (DOMAIN.md dialect 6). */
import { describe, expect, it } from 'vitest';
import type { QrLoginStatus } from '@dinhdanh/core';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  failure,
  fakeShareApi,
  ISSUER,
  json,
  noLeak,
  NOW,
  oidc,
  outcome,
  partnerData,
  PID,
  PURPOSE,
  shareRp,
  TXN_ID,
} from './fixture';

function approved(status: QrLoginStatus) {
  if (status.status !== 'approved') throw new Error(`expected approved, got ${status.status}`);
  return status.result;
}

describe('starting a share transaction', () => {
  it('POSTs attributes, purpose and the client credentials (form body) and returns the link as qrUri', async () => {
    const api = fakeShareApi();
    const rp = shareRp(api, { serviceCode: 'biometric-share-info' });
    const start = await rp.startQrLogin({ level: 2, claims: ['pid', 'name'], purpose: PURPOSE });
    expect(start.qrUri).toBe(`${ISSUER}/share/${TXN_ID}`);
    expect(start.handle).toMatchObject({ transport: 'vneid_share', ref: TXN_ID, level: 2 });
    expect(start.expiresAt).toBe(NOW + 300_000);
    expect(start.interval).toBe(3);
    expect(start).not.toHaveProperty('userCode');
    const [sent] = api.seen;
    expect(sent?.url).toBe(`${ISSUER}/share`);
    expect(Object.fromEntries(sent?.form ?? [])).toEqual({
      attributes: 'pid name',
      purpose: PURPOSE,
      service_code: 'biometric-share-info',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
    expect(sent?.headers.get('authorization')).toBeNull();
  });

  it('uses HTTP Basic for a profile that is not the partner profile', async () => {
    const api = fakeShareApi();
    const rp = shareRp(
      api,
      {},
      {
        base: oidc(),
        clientAuth: { method: 'client_secret_basic', clientSecret: CLIENT_SECRET },
      },
    );
    await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    const [sent] = api.seen;
    expect(sent?.headers.get('authorization')).toBe(
      `Basic ${btoa(`${CLIENT_ID}:${CLIENT_SECRET}`)}`,
    );
    expect(sent?.form.has('client_secret')).toBe(false);
  });

  it('takes the lifetime from expiresAt when expiresIn is absent; posts to a configured endpoint', async () => {
    const api = fakeShareApi();
    api.start = () =>
      json(
        {
          txnId: TXN_ID,
          link: `${ISSUER}/share/${TXN_ID}`,
          expiresAt: new Date(NOW + 90_000).toISOString(),
        },
        201,
      );
    const rp = shareRp(api, { endpoint: `${ISSUER}/share` });
    expect((await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE })).expiresAt).toBe(
      NOW + 90_000,
    );
  });

  it('requires a purpose: purpose_required, nothing sent', async () => {
    const api = fakeShareApi();
    const rp = shareRp(api);
    expect((await failure(rp.startQrLogin({ claims: ['name'] }))).code).toBe('purpose_required');
    expect(api.seen).toEqual([]);
  });

  it('requires attributes: input_invalid', async () => {
    const rp = shareRp(fakeShareApi());
    expect((await failure(rp.startQrLogin({ purpose: PURPOSE }))).code).toBe('input_invalid');
  });

  it('refuses a link that is not https: provider_response_invalid', async () => {
    const api = fakeShareApi();
    api.start = () => json({ txnId: TXN_ID, link: 'javascript:alert(1)', expiresIn: 60 }, 201);
    const rp = shareRp(api);
    const error = await failure(rp.startQrLogin({ claims: ['name'], purpose: PURPOSE }));
    expect(error.code).toBe('provider_response_invalid');
    noLeak(error.text);
  });

  it('refuses a malformed start answer: provider_response_invalid', async () => {
    const api = fakeShareApi();
    api.start = () => json({ link: `${ISSUER}/share/x` }, 201);
    const rp = shareRp(api);
    expect((await failure(rp.startQrLogin({ claims: ['name'], purpose: PURPOSE }))).code).toBe(
      'provider_response_invalid',
    );
  });

  it("keeps the provider's OAuth error code (invalid_client)", async () => {
    const api = fakeShareApi();
    api.start = () => json({ error: 'invalid_client', error_description: 'bad secret' }, 401);
    const error = await failure(shareRp(api).startQrLogin({ claims: ['name'], purpose: PURPOSE }));
    expect(error.code).toBe('invalid_client');
    noLeak(error.text);
  });

  it('an unreachable provider is provider_unreachable', async () => {
    const api = fakeShareApi();
    const rp = shareRp(
      api,
      {},
      { fetch: () => Promise.reject(new TypeError('connect ECONNREFUSED')) },
    );
    expect((await failure(rp.startQrLogin({ claims: ['name'], purpose: PURPOSE }))).code).toBe(
      'provider_unreachable',
    );
  });
});

describe('polling a share transaction', () => {
  async function started(
    status: () => Response,
    level: 0 | 1 | 2 = 2,
    required: ('pid' | 'email')[] = [],
  ) {
    const api = fakeShareApi();
    api.status = status;
    const rp = shareRp(api);
    const start = await rp.startQrLogin({
      level,
      claims: ['pid', 'name'],
      required,
      purpose: PURPOSE,
    });
    return { api, rp, handle: start.handle };
  }

  it('pending, denied and expired as the provider reports them', async () => {
    for (const status of ['pending', 'denied', 'expired'] as const) {
      const { rp, handle } = await started(() => json(outcome({ status, data: undefined })));
      expect(await rp.pollQrLogin(handle)).toEqual({ status });
    }
  });

  it('polls POST /share/{txnId}/status with the client credentials', async () => {
    const { api, rp, handle } = await started(() =>
      json(outcome({ status: 'pending', data: undefined })),
    );
    await rp.pollQrLogin(handle);
    const poll = api.seen[1];
    expect(poll?.url).toBe(`${ISSUER}/share/${TXN_ID}/status`);
    expect(poll?.form.get('client_secret')).toBe(CLIENT_SECRET);
  });

  it('approved: identity through the vneid-partner normaliser, consent, source share, no tokens', async () => {
    const { rp, handle } = await started(() => json(outcome()));
    const result = approved(await rp.pollQrLogin(handle));
    expect(result.identity.subject).toBe(PID);
    expect(result.identity.level).toBe(2);
    expect(result.identity.attributes.name?.full).toBe('Nguyễn Văn An');
    // the share data also carries birth date and gender, which were not asked for
    expect(result.identity.attributes.birthdate).toBeUndefined();
    expect(result.identity.attributes.gender).toBeUndefined();
    expect(result.consent).toEqual({
      requested: ['pid', 'name'],
      granted: ['pid', 'name'],
      required: [],
      purpose: PURPOSE,
      provider: 'vneid',
      level: 2,
      at: new Date(NOW + 10_000).toISOString(),
    });
    expect(result.source).toBe('share');
    expect(result.idTokenClaims).toEqual({});
    expect(result.tokens).toEqual({ accessToken: '', tokenType: 'none' });
  });

  it('an approval signs in once: polling the same handle again is qr_invalid', async () => {
    const { rp, handle } = await started(() => json(outcome()));
    approved(await rp.pollQrLogin(handle));
    const again = await failure(rp.pollQrLogin(handle));
    expect(again.code).toBe('qr_invalid');
    noLeak(again.text);
  });

  it('a level-1 account for a level-2 request is insufficient_level', async () => {
    const { rp, handle } = await started(() => json(outcome({ data: partnerData(1) })));
    const error = await failure(rp.pollQrLogin(handle));
    expect(error.code).toBe('insufficient_level');
    noLeak(error.text);
  });

  it('a required attribute not shared is claims_missing', async () => {
    const { rp, handle } = await started(
      () => json(outcome({ attributes: ['pid', 'name', 'email'] })),
      1,
      ['email'],
    );
    expect((await failure(rp.pollQrLogin(handle))).code).toBe('claims_missing');
  });

  it('a result for another transaction, purpose or attribute set is refused: provider_response_invalid', async () => {
    for (const extra of [
      { txnId: 'OtherTxn0123456789' },
      { purpose: 'Quảng cáo' },
      { attributes: ['pid', 'name', 'portrait'] },
      { data: undefined },
    ]) {
      const { rp, handle } = await started(() => json(outcome(extra)));
      const error = await failure(rp.pollQrLogin(handle));
      expect(error.code).toBe('provider_response_invalid');
      noLeak(error.text);
    }
  });

  it('a malformed status answer is provider_response_invalid', async () => {
    const { rp, handle } = await started(() => json({ status: 'maybe' }));
    expect((await failure(rp.pollQrLogin(handle))).code).toBe('provider_response_invalid');
  });

  it('an unknown transaction (404) is qr_invalid, without the txnId', async () => {
    const { rp, handle } = await started(() => json({ error: 'not_found' }, 404));
    const error = await failure(rp.pollQrLogin(handle));
    expect(error.code).toBe('qr_invalid');
    noLeak(error.text);
  });

  it('unreadable citizen data is claims_invalid and never echoes the ID number', async () => {
    const { rp, handle } = await started(() =>
      json(outcome({ data: { ...partnerData(), citizenPid: `${PID}9`, birthDate: 'yesterday' } })),
    );
    const error = await failure(rp.pollQrLogin(handle));
    expect(error.code).toBe('claims_invalid');
    noLeak(error.text);
  });

  it('a handle past its expiry is expired without asking the provider', async () => {
    const api = fakeShareApi();
    const clock = { t: NOW };
    const rp = shareRp(api, {}, {}, clock);
    const { handle } = await rp.startQrLogin({ claims: ['name'], purpose: PURPOSE });
    clock.t = NOW + 301_000;
    expect(await rp.pollQrLogin(handle)).toEqual({ status: 'expired' });
    expect(api.seen).toHaveLength(1);
  });
});
