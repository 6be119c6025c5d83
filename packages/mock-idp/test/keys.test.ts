/** Signing keys: algorithms, publication before use, grace period after rotation. */
import * as client from 'openid-client';
import { decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { type SigningAlg } from '../src/index';
import { connect, discover, exchange, headlessLogin, ISSUER, setup } from './helpers';

async function kids(idp: Awaited<ReturnType<typeof setup>>['idp']): Promise<string[]> {
  const res = await idp.fetch(new Request(`${ISSUER}/jwks`));
  expect(res.headers.get('content-type')).toBe('application/jwk-set+json');
  const body = (await res.json()) as { keys: { kid: string; d?: string }[] };
  for (const key of body.keys) expect(key).not.toHaveProperty('d');
  return body.keys.map((k) => k.kid);
}

describe('signing keys', () => {
  for (const alg of ['ES256', 'RS256', 'PS256', 'EdDSA'] as SigningAlg[]) {
    it(`signs ID tokens with ${alg}, verified by openid-client`, async () => {
      const { idp, config } = await connect({}, { signingAlg: alg });
      client.enableNonRepudiationChecks(config);
      expect(config.serverMetadata().id_token_signing_alg_values_supported).toEqual([alg]);
      const flow = await headlessLogin(idp, config);
      const tokens = await exchange(config, flow);
      expect(decodeProtectedHeader(tokens.id_token!).alg).toBe(alg);
    });
  }

  it('publishes the next key before signing with it, and keeps the old one for the grace period', async () => {
    let now = Date.now(); // client assertions carry real time
    const { idp, privateKey } = await setup({}, { now: () => now, lifetimes: { keyGrace: 3600 } });
    const before = await kids(idp);
    expect(before).toHaveLength(2); // current + next
    const rotation = await idp.rotateKeys();
    expect(rotation.previousKid).toBe(before[0]);
    expect(rotation.currentKid).toBe(before[1]); // was already published
    const after = await kids(idp);
    expect(after).toEqual(
      expect.arrayContaining([rotation.previousKid, rotation.currentKid, rotation.nextKid]),
    );

    const config = await discover(idp, 'rp', client.PrivateKeyJwt(privateKey), {});
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    expect(decodeProtectedHeader(tokens.id_token!).kid).toBe(rotation.currentKid);

    now += 3_601_000;
    const later = await kids(idp);
    expect(later).not.toContain(rotation.previousKid);
    expect(later).toEqual([rotation.currentKid, rotation.nextKid]);
  });

  it('a relying party that cached the JWKS before a rotation verifies tokens after it without refetching', async () => {
    const { idp, privateKey } = await setup();
    let jwksFetches = 0;
    const config = await client.discovery(
      new URL(idp.issuer),
      'rp',
      {},
      client.PrivateKeyJwt(privateKey),
      {
        execute: [client.allowInsecureRequests],
        [client.customFetch]: (url, init) => {
          if (url.endsWith('/jwks')) jwksFetches++;
          return idp.fetch(new Request(url, init as RequestInit));
        },
      },
    );
    client.enableNonRepudiationChecks(config);
    const loginOnce = async () => {
      const f = await headlessLogin(idp, config);
      return exchange(config, f);
    };
    await loginOnce();
    expect(jwksFetches).toBe(1);
    const { currentKid } = await idp.rotateKeys();
    const after = await loginOnce();
    expect(decodeProtectedHeader(after.id_token!).kid).toBe(currentKid);
    expect(jwksFetches).toBe(1);
  });
});
