/**
 * Every fault switch of the mock, in-process (core's injected fetch): core refuses what it
 * must refuse with the exact DinhDanhError code, and the login after the fault works.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { FaultName, MockIdp } from '@dinhdanh/mock-idp';
import { vneid, type RelyingPartyConfig } from '@dinhdanh/core';
import { errorCode, fetchVia, headlessLogin, inProcessIdp, relyingParty } from './support';

let idp: MockIdp;
beforeEach(async () => {
  idp = await inProcessIdp();
});

function rpFor(clientId = 'rp-standard', options: Partial<RelyingPartyConfig> = {}) {
  return relyingParty(idp.issuer, clientId, { fetch: fetchVia(idp), ...options });
}

const login = (rp = rpFor()) =>
  headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), { level: 2, claims: ['name'] });

/** Fault → the exact code core must throw. */
const CASES: readonly (readonly [FaultName, string])[] = [
  ['id_token_expired', 'token_expired'],
  ['id_token_iat_future', 'token_not_yet_valid'],
  ['id_token_bad_signature', 'signature_invalid'],
  ['id_token_unknown_kid', 'key_not_found'],
  // core maps a wrong `iss` in the ID token to token_invalid (iss_mismatch is the callback's RFC 9207 `iss`).
  ['id_token_wrong_issuer', 'token_invalid'],
  ['id_token_wrong_audience', 'audience_mismatch'],
  ['id_token_wrong_nonce', 'nonce_mismatch'],
  ['id_token_missing_nonce', 'nonce_mismatch'],
  ['id_token_alg_none', 'alg_not_allowed'],
  ['token_server_error', 'server_error'],
  ['id_token_lower_acr', 'insufficient_level'],
  ['token_invalid_grant', 'invalid_grant'],
  ['jwks_server_error', 'jwks_failed'],
  ['authorize_access_denied', 'access_denied'],
  ['authorize_login_required', 'login_required'],
  ['authorize_server_error', 'server_error'],
];

describe('each fault switch gets its exact error code', () => {
  for (const [fault, code] of CASES) {
    it(`${fault} → ${code}, and the next login succeeds`, async () => {
      // `times` covers retries; whatever is left is cleared before the next login.
      idp.setFaults({ name: fault, times: 3 });
      const rp = rpFor();
      expect(await errorCode(() => login(rp))).toBe(code);
      idp.clearFaults();
      const result = await login(rp);
      expect(result.identity.level).toBe(2);
    });
  }

  it('unknown kid: core refetches the JWKS exactly once, then key_not_found', async () => {
    let jwksFetches = 0;
    const rp = rpFor('rp-standard', {
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname.endsWith('/jwks')) jwksFetches += 1;
        return idp.fetch(request);
      },
    });
    await login(rp); // warms the JWKS cache
    const before = jwksFetches;
    expect(before).toBeGreaterThanOrEqual(1);
    idp.setFaults({ name: 'id_token_unknown_kid' });
    expect(await errorCode(() => login(rp))).toBe('key_not_found');
    expect(jwksFetches - before).toBe(1);
  });

  // The mock answers 401 with WWW-Authenticate error="invalid_token"; core reports provider_error.
  it('userinfo_unauthorized: a profile that reads userinfo refuses the login', async () => {
    const rp = rpFor('rp-vneid-sso', { provider: vneid() });
    idp.setFaults({ name: 'userinfo_unauthorized' });
    expect(await errorCode(() => login(rp))).toBe('provider_error');
    expect((await login(rp)).identity.level).toBe(2);
  });

  it('token_delay and jwks_delay: a slow provider still completes the login', async () => {
    idp.setFaults([
      { name: 'token_delay', delayMs: 20 },
      { name: 'jwks_delay', delayMs: 20 },
    ]);
    expect((await login()).identity.level).toBe(2);
    expect(idp.faults).toEqual([]);
  });
});
