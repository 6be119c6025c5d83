/** Bad input gets a typed answer (4xx with an OAuth error or an error page), never a crash. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/store/memory';
import { formPost, ISSUER, setup } from './helpers';

const PARAM_NAMES = [
  'client_id',
  'redirect_uri',
  'response_type',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'prompt',
  'max_age',
  'claims',
  'login_hint',
  'acr_values',
  'request_uri',
  'grant_type',
  'code',
  'code_verifier',
  'refresh_token',
  'device_code',
  'client_secret',
  'client_assertion',
  'client_assertion_type',
  'id_token_hint',
  'post_logout_redirect_uri',
  'user_code',
  'persona',
  'decision',
  'token',
];
const value = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'rp',
    'dinhdanh-dev',
    'http://127.0.0.1:3000/auth/callback',
    'openid',
    'code',
    'S256',
    '{',
    '{"id_token":1}',
    'none login',
  ),
);
const params = fc.array(fc.tuple(fc.constantFrom(...PARAM_NAMES), value), { maxLength: 12 });
const endpoint = fc.constantFrom(
  '/authorize',
  '/par',
  '/token',
  '/userinfo',
  '/revoke',
  '/end_session',
  '/device_authorization',
  '/device',
  '/interaction/nope/login',
);

describe('robustness', () => {
  it('answers arbitrary parameters on every endpoint without a 5xx', async () => {
    const { idp } = await setup({}, { autoApprove: false });
    await fc.assert(
      fc.asyncProperty(endpoint, params, fc.boolean(), async (path, pairs, post) => {
        const query = new URLSearchParams(pairs).toString();
        const request = post
          ? new Request(`${ISSUER}${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              body: query,
            })
          : new Request(`${ISSUER}${path}?${query}`);
        const res = await idp.fetch(request);
        expect(res.status, `${request.method} ${path}?${query}`).toBeLessThan(500);
        // RFC 6750 §3.1: a request with no credentials gets no error code, only the challenge
        const bareChallenge = path === '/userinfo' && res.status === 401;
        if (
          !bareChallenge &&
          res.status >= 400 &&
          res.headers.get('content-type')?.includes('json') === true
        ) {
          expect(typeof ((await res.json()) as { error?: unknown }).error).toBe('string');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('answers a non-form body with invalid_request', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(
      new Request(`${ISSUER}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses repeated parameters (RFC 6749 §3.1)', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(
      formPost(
        `${ISSUER}/token`,
        'grant_type=authorization_code&grant_type=refresh_token&client_id=dinhdanh-dev&client_secret=dinhdanh-dev-secret-change-me-0123456789',
      ),
    );
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
  });
});

describe('memory', () => {
  it('sweeps expired records and the grants nothing points to any more', () => {
    const store = new MemoryStore();
    const grant = (id: string) => ({
      id,
      clientId: 'rp',
      personaId: 'citizen-l1',
      scope: ['openid'],
      granted: [],
      acr: '1',
      amr: ['pwd'],
      authTime: 0,
      sid: 's',
      maxAgeRequested: false,
    });
    store.grants.set('g1', grant('g1'));
    store.grants.set('g2', grant('g2'));
    store.codes.set('c1', {
      grantId: 'g1',
      clientId: 'rp',
      redirectUri: 'x',
      codeChallenge: 'y',
      expiresAt: 1_000,
      used: false,
    });
    store.refreshTokens.set('r2', {
      grantId: 'g2',
      clientId: 'rp',
      scope: ['openid'],
      expiresAt: 5_000,
      used: false,
    });
    store.assertionJtis.set('rp\u0000j', 1_000);
    store.sweep(2_000);
    expect([...store.codes.keys()]).toEqual([]);
    expect([...store.grants.keys()]).toEqual(['g2']);
    expect(store.assertionJtis.size).toBe(0);
    store.sweep(6_000);
    expect(store.grants.size).toBe(0);
  });
});
