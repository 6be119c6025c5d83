/* global fetch, URLSearchParams, TextDecoder */
// MockPass's own flow (Singpass v2): silent authorize → token with a private_key_jwt
// assertion (MockPass wants `typ`) → decrypt the JWE ID token → verify it. openid-client
// cannot be the RP here: MockPass's sample keys are P-521 and openid-client decrypts with
// P-256 ECDH keys only, so this RP uses jose (what openid-client's checks amount to).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { compactDecrypt, createLocalJWKSet, importJWK, jwtVerify, SignJWT } from 'jose';
import { followToCallback } from './rp.mjs';

export async function mockpassLogin(issuer, { clientId, redirectUri }) {
  const require = createRequire(import.meta.url);
  const keys = JSON.parse(
    readFileSync(
      require.resolve('@opengovsg/mockpass/static/certs/oidc-v2-rp-secret.json'),
      'utf8',
    ),
  ).keys;
  const sig = keys.find((k) => k.use === 'sig');
  const enc = keys.find((k) => k.use === 'enc');
  const signingKey = await importJWK(sig, sig.alg);
  const decryptionKey = await importJWK(enc, enc.alg ?? 'ECDH-ES+A256KW');
  const metadata = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  const jwks = createLocalJWKSet(await (await fetch(metadata.jwks_uri)).json());

  return async () => {
    const state = randomBytes(16).toString('base64url');
    const nonce = randomBytes(16).toString('base64url');
    const url = new URL(metadata.authorization_endpoint);
    url.search = new URLSearchParams({
      scope: 'openid',
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirectUri,
      state,
      nonce,
    }).toString();
    const callback = await followToCallback(url.href, redirectUri);
    if (callback.searchParams.get('state') !== state) throw new Error('state mismatch');
    const code = callback.searchParams.get('code');
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: sig.alg, kid: sig.kid, typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .setJti(randomUUID())
      .sign(signingKey);
    const response = await fetch(metadata.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        client_id: clientId,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    if (!response.ok) throw new Error(`MockPass token endpoint: HTTP ${response.status}`);
    const tokens = await response.json();
    const { plaintext } = await compactDecrypt(tokens.id_token, decryptionKey);
    const { payload } = await jwtVerify(new TextDecoder().decode(plaintext), jwks, {
      issuer,
      audience: clientId,
    });
    if (payload.nonce !== nonce) throw new Error('nonce mismatch');
    return payload.sub;
  };
}
