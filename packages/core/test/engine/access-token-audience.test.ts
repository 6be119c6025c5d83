import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createRelyingParty } from '@dinhdanh/core';

const ISSUER = 'https://idp.example';

async function setup() {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  // eslint-disable-next-line @typescript-eslint/require-await -- fetch must return a Promise
  const fetch = async (input: string | URL | Request) => {
    const url = String(input instanceof Request ? input.url : input);
    if (url.endsWith('/.well-known/openid-configuration')) {
      return Response.json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/jwks`,
      });
    }
    return Response.json({ keys: [jwk] });
  };
  const rp = createRelyingParty({
    issuer: ISSUER,
    clientId: 'rp',
    redirectUri: 'https://rp.example/cb',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'synthetic-secret-0123456789abcdef',
    },
    fetch,
  });
  const token = await new SignJWT({ sub: 's', client_id: 'other-client', jti: 'j1', scope: 'x' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
    .setIssuer(ISSUER)
    .setAudience('https://another-api.example')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  return { rp, token };
}

describe('verifyAccessToken audience', () => {
  it('refuses a token for another API when audience is an empty string', async () => {
    const { rp, token } = await setup();
    await expect(rp.verifyAccessToken(token, { audience: '' })).rejects.toMatchObject({
      code: 'config_invalid',
    });
  });
  it('refuses a token for another API when audience is missing at runtime (JS caller)', async () => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, {} as unknown as { audience: string }),
    ).rejects.toMatchObject({ code: 'config_invalid' });
  });
  it.each([
    ['an empty list', []],
    ['a list with an empty name', ['']],
    ['a number', 42],
  ])('refuses %s as audience with config_invalid', async (_label, audience) => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, { audience } as unknown as { audience: string }),
    ).rejects.toMatchObject({ code: 'config_invalid' });
  });
  it('still refuses a token for another API with audience_mismatch when audience is set', async () => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, { audience: 'https://tax-api.example' }),
    ).rejects.toMatchObject({ code: 'audience_mismatch' });
  });
});
