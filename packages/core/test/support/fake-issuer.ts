/**
 * An in-process issuer (discovery + JWKS only) served through an injected fetch, for
 * tests of token verification, key rotation and discovery that need to count or break
 * requests. Login flows use the real oidc-provider instead.
 */
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { createRelyingParty, type RelyingPartyConfig } from '@dinhdanh/core';
import { jsonResponse } from './intercept';

export const FAKE_ISSUER = 'https://idp.example';
export const FAKE_CLIENT = 'tax-portal';

export async function newKey(kid: string, alg = 'ES256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg };
}

function publicOf(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
  return rest;
}

export interface FakeIssuer {
  keys: JWK[];
  requests: string[];
  metadata: Record<string, unknown>;
  /** Answers discovery with these statuses first (then 200). */
  failures: number[];
  fetch: (input: string | URL | Request) => Promise<Response>;
  sign(
    claims: JWTPayload,
    options?: { key?: JWK; typ?: string; alg?: string; kid?: string },
  ): Promise<string>;
  rp(extra?: Partial<RelyingPartyConfig>): ReturnType<typeof createRelyingParty>;
}

export async function fakeIssuer(): Promise<FakeIssuer> {
  const issuer: FakeIssuer = {
    keys: [await newKey('k1')],
    requests: [],
    failures: [],
    metadata: {
      issuer: FAKE_ISSUER,
      authorization_endpoint: `${FAKE_ISSUER}/authorize`,
      token_endpoint: `${FAKE_ISSUER}/token`,
      jwks_uri: `${FAKE_ISSUER}/jwks`,
      id_token_signing_alg_values_supported: ['ES256'],
    },
    fetch: (input) => {
      const url = new URL(input instanceof Request ? input.url : input);
      issuer.requests.push(url.pathname);
      const json = (body: unknown, status = 200) => Promise.resolve(jsonResponse(body, status));
      if (url.pathname === '/.well-known/openid-configuration') {
        const status = issuer.failures.shift();
        if (status !== undefined) return json({ error: 'down' }, status);
        return json(issuer.metadata);
      }
      if (url.pathname === '/jwks') return json({ keys: issuer.keys.map(publicOf) });
      return json({ error: 'not_found' }, 404);
    },
    async sign(claims, options = {}) {
      const key = options.key ?? issuer.keys[0];
      if (key === undefined) throw new Error('no key');
      const alg = options.alg ?? key.alg ?? 'ES256';
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({
        iss: FAKE_ISSUER,
        aud: FAKE_CLIENT,
        sub: 'citizen-1',
        iat: now,
        exp: now + 300,
        ...claims,
      })
        .setProtectedHeader({
          alg,
          kid: options.kid ?? key.kid ?? 'k',
          ...(options.typ === undefined ? {} : { typ: options.typ }),
        })
        .sign(await importJWK(key, alg));
    },
    rp(extra = {}) {
      return createRelyingParty({
        issuer: FAKE_ISSUER,
        clientId: FAKE_CLIENT,
        redirectUri: 'https://tax.example/callback',
        clientAuth: {
          method: 'client_secret_basic',
          clientSecret: 'a-development-secret-of-32-bytes!!',
        },
        fetch: issuer.fetch,
        sleep: () => Promise.resolve(),
        ...extra,
      });
    },
  };
  return issuer;
}
