import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoginTransaction, RelyingParty } from '@dinhdanh/core';
import { codeOf } from '../support/errors';
import { interceptingFetch } from '../support/intercept';
import {
  finishCode as finishCodeAt,
  login as loginAt,
  resigningIdToken,
  tamperedCode,
} from '../support/login';
import { browse, startOp, type LoginChoice, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
  return () => op.close();
});

type LoginOptions = Parameters<RelyingParty['startLogin']>[0];
const login = (rp: RelyingParty, options?: LoginOptions, choice?: LoginChoice) =>
  loginAt(op, rp, options, choice);
const finishCode = (rp: RelyingParty, options?: LoginOptions, choice?: LoginChoice) =>
  finishCodeAt(op, rp, options, choice);

describe('login against oidc-provider (PAR required, PKCE, private_key_jwt)', () => {
  it('logs a level-2 citizen in with consented attributes', async () => {
    const rp = rpFor(op);
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name', 'birthdate', 'pid'],
      returnTo: '/account',
    });
    expect(url).toContain('request_uri=');
    expect(url).not.toContain('code_challenge');
    expect(transaction.codeVerifier.length).toBeGreaterThanOrEqual(43);
    op.next = { acr: 'urn:dinhdanh:loa:2' };
    const result = await rp.finishLogin(await browse(url), transaction);
    expect(result.identity.level).toBe(2);
    expect(result.identity.subject).toBe('citizen-1');
    expect(result.identity.acr).toBe('urn:dinhdanh:loa:2');
    expect(result.identity.attributes.pid).toBe('001085123456');
    expect(result.identity.attributes.name?.full).toBe('Nguyễn Văn An');
    expect(result.consent.requested).toEqual(['name', 'birthdate', 'pid']);
    expect(result.consent.granted).toEqual(expect.arrayContaining(['pid', 'name', 'birthdate']));
    expect(result.consent.purpose).toBeUndefined();
    expect(result.source).toBe('userinfo');
    expect(result.returnTo).toBe('/account');
    expect(result.tokens.refreshToken).toBeTypeOf('string');
    expect(result.session.expiresAt).toBeGreaterThan(Date.now());
    expect(result.idTokenClaims.sub).toBe('citizen-1');
  });

  it('uses only the ID token when no attributes are asked for', async () => {
    const rp = rpFor(op);
    const { callback, transaction } = await login(rp, { level: 1 }, { acr: 'urn:dinhdanh:loa:1' });
    const result = await rp.finishLogin(callback, transaction);
    expect(result.source).toBe('id_token');
    expect(result.identity.level).toBe(1);
    expect(result.consent.granted).toEqual([]);
  });

  it('refuses a login below the requested level (insufficient_level), then steps up', async () => {
    const rp = rpFor(op);
    const low = await login(rp, { level: 2 }, { acr: 'urn:dinhdanh:loa:1' });
    expect(await codeOf(rp.finishLogin(low.callback, low.transaction))).toBe('insufficient_level');

    op.next = { acr: 'urn:dinhdanh:loa:2' };
    const { url, transaction } = await rp.stepUp({ level: 2 });
    expect(transaction.maxAge).toBe(0);
    expect(transaction.level).toBe(2);
    const result = await rp.finishLogin(await browse(url), transaction);
    expect(result.identity.level).toBe(2);
    expect(typeof result.idTokenClaims.auth_time).toBe('number');
  });

  it('surfaces provider errors with their code (access_denied)', async () => {
    const rp = rpFor(op);
    const { callback, transaction } = await login(rp, {}, { deny: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    expect(await codeOf(rp.finishLogin(callback, transaction))).toBe('access_denied');
  });

  it('surfaces token endpoint errors (a code used twice is invalid_grant)', async () => {
    const rp = rpFor(op);
    const { callback, transaction } = await login(rp);
    await rp.finishLogin(callback, transaction);
    expect(await codeOf(rp.finishLogin(callback, transaction))).toBe('invalid_grant');
  });
});

describe('callback URLs as web handlers see them', () => {
  it('accepts the callback behind a proxy (internal host) and as a relative URL', async () => {
    const rp = rpFor(op);
    const first = await login(rp);
    const internal = new URL(first.callback);
    const proxied = `http://10.0.0.5:3000${internal.pathname}${internal.search}`;
    expect((await rp.finishLogin(proxied, first.transaction)).identity.subject).toBe('citizen-1');
    const second = await login(rp);
    const relative = new URL(second.callback);
    const result = await rp.finishLogin(
      `${relative.pathname}${relative.search}`,
      second.transaction,
    );
    expect(result.identity.subject).toBe('citizen-1');
  });
});

describe('finishLogin rejects tampered callbacks and transactions', () => {
  it('state_mismatch when the state differs', async () => {
    const rp = rpFor(op);
    const answered = await login(rp);
    expect(await tamperedCode(rp, answered, (q) => q.set('state', 'forged'))).toBe(
      'state_mismatch',
    );
  });

  it('iss_mismatch when the RFC 9207 iss is another issuer or missing', async () => {
    const rp = rpFor(op);
    const answered = await login(rp);
    expect(await tamperedCode(rp, answered, (q) => q.set('iss', 'https://evil.example'))).toBe(
      'iss_mismatch',
    );
    expect(await tamperedCode(rp, answered, (q) => q.delete('iss'))).toBe('iss_mismatch');
  });

  it('callback_parameter_repeated for a repeated code, callback_invalid for no code', async () => {
    const rp = rpFor(op);
    const answered = await login(rp);
    expect(await tamperedCode(rp, answered, (q) => q.append('code', 'x'))).toBe(
      'callback_parameter_repeated',
    );
    expect(await tamperedCode(rp, answered, (q) => q.delete('code'))).toBe('callback_invalid');
  });

  it('nonce_mismatch when the ID token nonce is not the transaction’s', async () => {
    const rp = rpFor(op);
    const { callback, transaction } = await login(rp);
    const forged = { ...transaction, nonce: 'another-nonce-value' };
    expect(await codeOf(rp.finishLogin(callback, forged))).toBe('nonce_mismatch');
  });

  it('transaction_expired when the login took too long', async () => {
    const rp = rpFor(op);
    const { callback, transaction } = await login(rp);
    const later = rpFor(op, { now: () => Date.now() + 11 * 60_000 });
    expect(await codeOf(later.finishLogin(callback, transaction))).toBe('transaction_expired');
  });

  it('transaction_invalid for a malformed transaction', async () => {
    const rp = rpFor(op);
    const { callback } = await login(rp);
    expect(await codeOf(rp.finishLogin(callback, { v: 1 } as unknown as LoginTransaction))).toBe(
      'transaction_invalid',
    );
  });

  it('auth_time_too_old when the authentication is older than max_age', async () => {
    const fetch = resigningIdToken(op.signingKey, (c) => ({
      ...c,
      auth_time: Number(c.auth_time) - 600,
    }));
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp, { maxAge: 60 })).toBe('auth_time_too_old');
  });
});

describe('finishLogin verifies the ID token itself (openid-client does not on the token endpoint)', () => {
  it('signature_invalid for an ID token re-signed by another key with the provider’s kid', async () => {
    const attacker = {
      ...(await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey)),
    };
    const fetch = resigningIdToken(attacker, (c) => c, { kid: 'op-key-1' });
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp)).toBe('signature_invalid');
  });

  it('token_not_yet_valid for an iat in the future', async () => {
    const fetch = resigningIdToken(op.signingKey, (c) => ({
      ...c,
      iat: Number(c.iat) + 3600,
    }));
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp)).toBe('token_not_yet_valid');
  });

  it('token_too_large for a 70 kB ID token', async () => {
    const fetch = resigningIdToken(op.signingKey, (c) => ({
      ...c,
      padding: 'x'.repeat(70_000),
    }));
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp)).toBe('token_too_large');
  });

  it('alg_not_allowed when the provider signs with an algorithm outside the allow-list', async () => {
    const rp = rpFor(op, { idTokenAlgorithms: ['PS256'] });
    expect(await finishCode(rp)).toBe('alg_not_allowed');
  });

  it('key_not_found for a kid the provider does not publish', async () => {
    const attacker = await exportJWK(
      (await generateKeyPair('ES256', { extractable: true })).privateKey,
    );
    const fetch = resigningIdToken(attacker, (c) => c, { kid: 'made-up' });
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp)).toBe('key_not_found');
  });

  it('sub_mismatch when userinfo is about someone else', async () => {
    const fetch = interceptingFetch([
      { path: '/me', rewrite: (_url, body) => ({ ...body, sub: 'someone-else' }) },
    ]);
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp, { claims: ['name'] })).toBe('sub_mismatch');
  });
});

describe('provider responses are bounded', () => {
  it('provider_response_invalid for a 300 kB userinfo response', async () => {
    const fetch = interceptingFetch([
      { path: '/me', rewrite: (_url, body) => ({ ...body, pad: 'x'.repeat(300_000) }) },
    ]);
    const rp = rpFor(op, { fetch });
    expect(await finishCode(rp, { claims: ['name'] })).toBe('provider_response_invalid');
  });
});

describe('attributes and consent', () => {
  it('purpose_required for sensitive attributes without a purpose', async () => {
    const rp = rpFor(op);
    expect(await codeOf(rp.startLogin({ claims: ['portrait'] }))).toBe('purpose_required');
    const { transaction } = await rp.startLogin({
      claims: ['portrait'],
      purpose: 'Mở tài khoản ngân hàng',
    });
    expect(transaction.purpose).toBe('Mở tài khoản ngân hàng');
  });

  it('input_invalid for an unknown attribute or level', async () => {
    const rp = rpFor(op);
    expect(await codeOf(rp.startLogin({ claims: ['shoeSize' as 'name'] }))).toBe('input_invalid');
    expect(await codeOf(rp.startLogin({ level: 3 as 2 }))).toBe('input_invalid');
  });

  it('claims_missing when a required attribute is not released', async () => {
    const rp = rpFor(op);
    expect(await finishCode(rp, { claims: ['name'], required: ['taxCode'] })).toBe(
      'claims_missing',
    );
  });

  it('claims_invalid when the provider sends invalid citizen data', async () => {
    const rp = rpFor(op);
    expect(await finishCode(rp, { claims: ['pid'] }, { accountId: 'bad-data' })).toBe(
      'claims_invalid',
    );
  });
});
