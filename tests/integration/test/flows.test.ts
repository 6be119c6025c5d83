/**
 * Levels, step-up, refresh rotation, QR (device grant) and RP-initiated logout: core
 * against the mock, in-process through msw (core uses the global fetch).
 */
import { setupServer } from 'msw/node';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import type { MockIdp } from '@dinhdanh/mock-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  globalFetcher,
  headlessCallback,
  headlessLogin,
  inProcessIdp,
  mockClient,
  dialectClients,
  POST_LOGOUT,
  redirectOf,
  relyingParty,
} from './support';

let idp: MockIdp;
const server = setupServer();
beforeAll(async () => {
  idp = await inProcessIdp({
    clients: dialectClients([mockClient('rp-lower-acr', { allowLowerAcr: true })]),
  });
  server.use(...mockIdpHandlers(idp));
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  server.close();
});

describe('assurance levels', () => {
  it('a level-1 citizen asked for level 2: the mock answers unmet_authentication_requirements', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const callback = await headlessCallback(rp, 'citizen-l1', globalFetcher, { level: 2 });
    expect(new URL(callback.url).searchParams.get('error')).toBe(
      'unmet_authentication_requirements',
    );
    expect(await errorCode(() => rp.finishLogin(callback.url, callback.transaction))).toBe(
      'unmet_authentication_requirements',
    );
  });

  it('a client that accepts the lower acr gets it, and core refuses it: insufficient_level', async () => {
    const rp = relyingParty(idp.issuer, 'rp-lower-acr');
    expect(
      await errorCode(() => headlessLogin(rp, 'citizen-l1', globalFetcher, { level: 2 })),
    ).toBe('insufficient_level');
    // The same citizen at level 1 is fine.
    const result = await headlessLogin(rp, 'citizen-l1', globalFetcher, { level: 1 });
    expect(result.identity.level).toBe(1);
  });

  it('the acr core asks for is the profile’s value for the level', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const result = await headlessLogin(rp, 'citizen-l2', globalFetcher, { level: 2 });
    expect(result.identity.level).toBe(2);
    expect(result.idTokenClaims.acr).toBe('urn:dinhdanh:loa:2');
  });
});

describe('step-up', () => {
  it('a level-1 login steps up to level 2 with a fresh authentication (max_age)', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const first = await headlessLogin(rp, 'citizen-l2', globalFetcher, { level: 1 });
    expect(first.identity.level).toBe(2);

    const start = await rp.stepUp({ level: 2, extraParams: { login_hint: 'citizen-l2' } });
    expect(start.transaction.level).toBe(2);
    expect(start.transaction.maxAge).toBeTypeOf('number');
    const callback = await redirectOf(start.url, globalFetcher);
    const stepped = await rp.finishLogin(callback, start.transaction);
    expect(stepped.identity.level).toBe(2);
    expect(stepped.identity.subject).toBe(first.identity.subject);
    expect(stepped.idTokenClaims.auth_time).toBeTypeOf('number');
  });

  it('stepping up a level-1 citizen to level 2 fails with the mock’s refusal', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const start = await rp.stepUp({ level: 2, extraParams: { login_hint: 'citizen-l1' } });
    const callback = await redirectOf(start.url, globalFetcher);
    expect(await errorCode(() => rp.finishLogin(callback, start.transaction))).toBe(
      'unmet_authentication_requirements',
    );
  });
});

describe('refresh', () => {
  it('rotates the refresh token; the old one is refused afterwards (invalid_grant)', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const { tokens } = await headlessLogin(rp, 'citizen-l2', globalFetcher, { level: 2 });
    expect(tokens.refreshToken).toBeTypeOf('string');
    const next = await rp.refresh(tokens);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.refreshToken).toBeTypeOf('string');
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    // A second rotation from the new token works…
    const third = await rp.refresh(next);
    expect(third.refreshToken).not.toBe(next.refreshToken);
    // …and replaying a rotated-out token is refused.
    expect(await errorCode(() => rp.refresh(tokens))).toBe('invalid_grant');
  });
});

describe('QR login (device authorization grant)', () => {
  it('pending until the phone approves, then approved with the persona’s identity', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const start = await rp.startQrLogin({ level: 2, claims: ['name'] });
    expect(start.qrUri).toContain(idp.issuer);
    expect(start.userCode).toBeTypeOf('string');
    expect((await rp.pollQrLogin(start.handle)).status).toBe('pending');

    const answer = idp.approveDevice(start.userCode ?? '', 'citizen-l2', 'approve');
    expect(answer.ok).toBe(true);
    const status = await rp.pollQrLogin(start.handle);
    expect(status.status).toBe('approved');
    if (status.status !== 'approved') return;
    expect(status.result.identity.level).toBe(2);
    expect(status.result.identity.attributes.name?.full).toBe('Nguyễn Văn An');
  });

  it('a denial on the phone is reported as denied', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const start = await rp.startQrLogin({ level: 1 });
    idp.approveDevice(start.userCode ?? '', 'citizen-l2', 'deny');
    expect((await rp.pollQrLogin(start.handle)).status).toBe('denied');
  });
});

describe('RP-initiated logout', () => {
  it('the logout URL ends the session at the mock and comes back to the registered URI', async () => {
    const rp = relyingParty(idp.issuer, 'rp-standard');
    const { tokens } = await headlessLogin(rp, 'citizen-l2', globalFetcher);
    const url = new URL(await rp.logoutUrl({ idTokenHint: tokens.idToken ?? '', state: 's-1' }));
    expect(url.searchParams.get('id_token_hint')).toBe(tokens.idToken);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT);
    const back = new URL(await redirectOf(url.href, globalFetcher));
    expect(`${back.origin}${back.pathname}`).toBe(POST_LOGOUT);
    expect(back.searchParams.get('state')).toBe('s-1');
  });
});
