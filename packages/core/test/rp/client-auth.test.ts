import {
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  jwtVerify,
  type JWK,
} from 'jose';
import { describe, expect, it } from 'vitest';
import { createRelyingParty, type PrivateJwk } from '@dinhdanh/core';
import { jsonResponse } from '../support/intercept';

const ISSUER = 'https://idp.example';

/** A provider that offers PAR and records what the client sent there. */
function parProvider(seen: URLSearchParams[], headers: Headers[]) {
  return (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const json = (body: unknown, status = 200) => Promise.resolve(jsonResponse(body, status));
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        pushed_authorization_request_endpoint: `${ISSUER}/par`,
        jwks_uri: `${ISSUER}/jwks`,
      });
    }
    if (url.pathname === '/par') {
      seen.push(
        new URLSearchParams(
          typeof init?.body === 'string' ? init.body : (init?.body as URLSearchParams),
        ),
      );
      headers.push(new Headers(init?.headers));
      return json({ request_uri: 'urn:ietf:params:oauth:request_uri:abc', expires_in: 60 }, 201);
    }
    return json({ error: 'not_found' }, 404);
  };
}

async function keyPair(alg: 'ES256' | 'PS256' | 'EdDSA'): Promise<{ priv: JWK; pub: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    priv: { ...(await exportJWK(privateKey)), kid: `rp-${alg}` },
    pub: await exportJWK(publicKey),
  };
}

describe('client authentication at the PAR endpoint', () => {
  it.each(['ES256', 'PS256', 'EdDSA'] as const)(
    'private_key_jwt signs the assertion with %s',
    async (alg) => {
      const seen: URLSearchParams[] = [];
      const { priv, pub } = await keyPair(alg);
      const rp = createRelyingParty({
        issuer: ISSUER,
        clientId: 'bank',
        redirectUri: 'https://bank.example/cb',
        clientAuth: { method: 'private_key_jwt', privateKey: priv as PrivateJwk },
        fetch: parProvider(seen, []),
      });
      const { url } = await rp.startLogin({ level: 2 });
      expect(new URL(url).searchParams.get('request_uri')).toBe(
        'urn:ietf:params:oauth:request_uri:abc',
      );
      const body = seen[0];
      expect(body?.get('client_assertion_type')).toBe(
        'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      );
      expect(body?.get('code_challenge_method')).toBe('S256');
      expect(body?.get('acr_values')).toBe('urn:dinhdanh:loa:2');
      const assertion = body?.get('client_assertion') ?? '';
      const header = decodeProtectedHeader(assertion);
      expect(header.kid).toBe(`rp-${alg}`);
      expect(alg === 'EdDSA' ? ['EdDSA', 'Ed25519'] : [alg]).toContain(header.alg);
      const { payload } = await jwtVerify(assertion, await importJWK(pub, String(header.alg)), {
        issuer: 'bank',
        subject: 'bank',
      });
      expect(payload.jti).toBeTypeOf('string');
    },
  );

  it('client_secret_basic for development', async () => {
    const headers: Headers[] = [];
    const secret = 'a-development-secret-of-32-bytes!!';
    const rp = createRelyingParty({
      issuer: ISSUER,
      clientId: 'bank',
      redirectUri: 'https://bank.example/cb',
      clientAuth: { method: 'client_secret_basic', clientSecret: secret },
      fetch: parProvider([], headers),
    });
    await rp.startLogin();
    const authorization = headers[0]?.get('authorization') ?? '';
    expect(authorization.startsWith('Basic ')).toBe(true);
    const [id, password] = atob(authorization.slice(6)).split(':').map(decodeURIComponent);
    expect([id, password]).toEqual(['bank', secret]);
  });

  it('par: off gives a plain authorization URL, still with PKCE S256', async () => {
    const seen: URLSearchParams[] = [];
    const { priv } = await keyPair('ES256');
    const rp = createRelyingParty({
      issuer: ISSUER,
      clientId: 'bank',
      redirectUri: 'https://bank.example/cb',
      clientAuth: { method: 'private_key_jwt', privateKey: priv as PrivateJwk },
      par: 'off',
      fetch: parProvider(seen, []),
    });
    const { url } = await rp.startLogin();
    expect(seen).toHaveLength(0);
    expect(new URL(url).searchParams.get('code_challenge_method')).toBe('S256');
  });
});
