/**
 * requireBearer through real Express apps: RFC 9068 access tokens signed with a real key,
 * verified by core against the issuer's discovery document and JWKS (served through the
 * relying party's injected fetch).
 */
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRelyingParty } from '@dinhdanh/core';
import { dinhdanh, requireBearer } from '@dinhdanh/express';
import { EXPRESSES, SEAL_SECRET } from './support';

const ISSUER = 'https://idp.example';
const API = 'https://api.bank.example';
let sign: (claims: JWTPayload) => Promise<string>;
let jwksDown = false;
let fetchJwks: () => Promise<Response>;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  fetchJwks = () => Promise.resolve(Response.json({ keys: [jwk] }));
  sign = (claims) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: ISSUER,
      aud: API,
      sub: 'citizen-1',
      client_id: 'mobile-app',
      jti: crypto.randomUUID(),
      iat: now,
      exp: now + 300,
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
      .sign(privateKey);
  };
});

function rp() {
  return createRelyingParty({
    issuer: ISSUER,
    clientId: 'bank-web',
    redirectUri: 'https://bank.example/auth/callback',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'bearer-client-secret-0123456789-abcdef',
    },
    fetch: (input) => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname === '/.well-known/openid-configuration') {
        return Promise.resolve(
          Response.json({
            issuer: ISSUER,
            authorization_endpoint: `${ISSUER}/authorize`,
            token_endpoint: `${ISSUER}/token`,
            jwks_uri: `${ISSUER}/jwks`,
          }),
        );
      }
      if (url.pathname === '/jwks')
        return jwksDown ? Promise.resolve(new Response('down', { status: 503 })) : fetchJwks();
      return Promise.resolve(new Response('not found', { status: 404 }));
    },
  });
}

for (const [version, makeExpress] of EXPRESSES) {
  describe(`${version}: requireBearer`, () => {
    const make = () => {
      const app = makeExpress();
      app.use(dinhdanh({ rp: rp(), secrets: SEAL_SECRET }));
      app.get(
        '/api/balance',
        requireBearer({ audience: API, level: 2, scopes: ['accounts'] }),
        (req, res) => {
          res.json({ owner: req.accessToken?.sub, level: req.accessToken?.level });
        },
      );
      return app;
    };
    const call = async (token?: string) => {
      const sent = request(make()).get('/api/balance');
      return token === undefined ? sent : sent.set('authorization', `Bearer ${token}`);
    };
    const code = (response: { body: unknown }) =>
      (response.body as { error: { code: string } }).error.code;

    it('lets a valid level-2 token with the scope through, on req.accessToken', async () => {
      const answer = await call(
        await sign({ acr: 'urn:dinhdanh:loa:2', scope: 'accounts profile' }),
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ owner: 'citizen-1', level: 2 });
    });

    it('answers a missing or malformed Authorization header 401 Bearer', async () => {
      const missing = await call();
      expect(missing.status).toBe(401);
      expect(missing.headers['www-authenticate']).toBe('Bearer');
      const basic = await request(make())
        .get('/api/balance')
        .set('authorization', 'Basic dXNlcjpwdw==');
      expect(basic.status).toBe(401);
    });

    it.each([
      ['another audience', { aud: 'https://other-api.example' }],
      ['an expired token', { exp: Math.floor(Date.now() / 1000) - 600 }],
      ['another issuer', { iss: 'https://attacker.example' }],
    ])('refuses %s: 401 invalid_token', async (_name, claims) => {
      const answer = await call(
        await sign({ acr: 'urn:dinhdanh:loa:2', scope: 'accounts', ...claims }),
      );
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    });

    it('refuses a forged signature: 401 invalid_token', async () => {
      const token = await sign({ acr: 'urn:dinhdanh:loa:2', scope: 'accounts' });
      const [head, body] = token.split('.');
      const other = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .sign((await generateKeyPair('ES256')).privateKey);
      const answer = await call(`${head}.${body}.${other.split('.')[2]}`);
      expect(answer.status).toBe(401);
    });

    it('answers a level-1 token 401 insufficient_user_authentication with acr_values (RFC 9470)', async () => {
      const answer = await call(await sign({ acr: 'urn:dinhdanh:loa:1', scope: 'accounts' }));
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_user_authentication", error_description="A higher level of authentication is required", acr_values="urn:dinhdanh:loa:2"',
      );
      expect(code(answer)).toBe('insufficient_level');
    });

    it('answers a token without the scope 403 insufficient_scope', async () => {
      const answer = await call(await sign({ acr: 'urn:dinhdanh:loa:2', scope: 'profile' }));
      expect(answer.status).toBe(403);
      expect(answer.headers['www-authenticate']).toBe(
        'Bearer error="insufficient_scope", scope="accounts"',
      );
    });

    it('never lets a token through when the provider keys cannot be fetched (5xx)', async () => {
      jwksDown = true;
      try {
        const answer = await call(await sign({ acr: 'urn:dinhdanh:loa:2', scope: 'accounts' }));
        expect(answer.status).toBeGreaterThanOrEqual(500);
      } finally {
        jwksDown = false;
      }
    });
  });
}
