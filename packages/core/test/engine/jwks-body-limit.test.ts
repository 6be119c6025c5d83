import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { createRelyingParty } from '@dinhdanh/core';

const ISSUER = 'https://idp.example';

function countingStream(total: number) {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) {
        controller.enqueue(new TextEncoder().encode('{"keys":[]}'));
        return controller.close();
      }
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('discovery and JWKS responses are size-bounded', () => {
  it('stops reading a JWKS body past its 256 KiB limit', async () => {
    const { stream, counter } = countingStream(32 * 1024 * 1024);
    const fetch = (input: string | URL | Request): Promise<Response> => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/.well-known/openid-configuration')) {
        return Promise.resolve(
          Response.json({
            issuer: ISSUER,
            authorization_endpoint: `${ISSUER}/authorize`,
            token_endpoint: `${ISSUER}/token`,
            jwks_uri: `${ISSUER}/jwks`,
          }),
        );
      }
      return Promise.resolve(
        new Response(stream, { headers: { 'content-type': 'application/json' } }),
      );
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
    const { privateKey } = await generateKeyPair('RS256');
    const jwt = await new SignJWT({ sub: 's' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience('rp')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(rp.verifyIdToken(jwt)).rejects.toMatchObject({ code: 'jwks_failed' });
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024);
  });

  it('stops reading a discovery body past its 256 KiB limit (every attempt)', async () => {
    const counters: { pulled: number }[] = [];
    const fetch = (): Promise<Response> => {
      const { stream, counter } = countingStream(32 * 1024 * 1024);
      counters.push(counter);
      return Promise.resolve(
        new Response(stream, { headers: { 'content-type': 'application/json' } }),
      );
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
      sleep: async () => {},
    });
    await expect(rp.startLogin()).rejects.toMatchObject({ code: 'discovery_failed' });
    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024);
  });
});
