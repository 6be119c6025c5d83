/** DPoP (RFC 9449): sender-constrained tokens, checked with openid-client's own DPoP support. */
import * as client from 'openid-client';
import { generateKeyPair, SignJWT, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { connect, exchange, formPost, headlessLogin, ISSUER, setup } from './helpers';

async function dpopLogin(par: boolean) {
  const { idp, config } = await connect();
  const DPoP = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'));
  const flow = await headlessLogin(idp, config, {}, { par, DPoP });
  return { idp, config, DPoP, flow };
}

describe('DPoP', () => {
  it('advertises its algorithms', async () => {
    const { idp } = await setup();
    const meta = (await (
      await idp.fetch(new Request(`${ISSUER}/.well-known/openid-configuration`))
    ).json()) as {
      dpop_signing_alg_values_supported: string[];
    };
    expect(meta.dpop_signing_alg_values_supported).toContain('ES256');
  });

  it('issues a DPoP-bound token (PAR binds the code), userinfo and refresh work with proofs', async () => {
    const { idp, config, DPoP, flow } = await dpopLogin(true);
    const tokens = await exchange(config, flow, DPoP);
    expect(tokens.token_type).toBe('dpop');
    const sub = tokens.claims()!.sub;
    const info = await client.fetchUserInfo(config, tokens.access_token, sub, { DPoP });
    expect(info.name).toBe('Nguyễn Văn An');
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!, undefined, {
      DPoP,
    });
    expect(refreshed.token_type).toBe('dpop');

    // the bound token is refused as a Bearer token
    const bearer = await idp.fetch(
      new Request(`${ISSUER}/userinfo`, {
        headers: { authorization: `Bearer ${tokens.access_token}` },
      }),
    );
    expect(bearer.status).toBe(401);
    expect(bearer.headers.get('www-authenticate')).toMatch(/^DPoP error="invalid_token"/);
  });

  it('refuses a proof from another key at userinfo', async () => {
    const { config, DPoP, flow } = await dpopLogin(false);
    const tokens = await exchange(config, flow, DPoP);
    const other = client.getDPoPHandle(config, await client.randomDPoPKeyPair('ES256'));
    await expect(
      client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub, { DPoP: other }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('refuses to exchange a code bound at PAR without the DPoP proof', async () => {
    const { config, flow } = await dpopLogin(true);
    await expect(exchange(config, flow)).rejects.toMatchObject({ error: 'invalid_dpop_proof' });
  });

  it('refuses a replayed proof, a wrong htu or htm, a stale iat, and a private key in the header', async () => {
    const { idp } = await setup();
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const proof = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      new SignJWT({
        jti: crypto.randomUUID(),
        htm: 'POST',
        htu: `${ISSUER}/token`,
        iat: Math.floor(Date.now() / 1000),
        ...claims,
      })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk, ...header })
        .sign(privateKey);
    const token = (dpop: string) =>
      idp.fetch(
        formPost(
          `${ISSUER}/token`,
          {
            grant_type: 'refresh_token',
            refresh_token: 'unknown',
            client_id: 'dinhdanh-dev',
            client_secret: 'dinhdanh-dev-secret-change-me-0123456789',
          },
          { dpop },
        ),
      );
    const good = await proof({});
    expect(await (await token(good)).json()).toMatchObject({ error: 'invalid_grant' }); // proof accepted
    expect(await (await token(good)).json()).toMatchObject({ error: 'invalid_dpop_proof' }); // replayed
    expect(await (await token(await proof({ htu: `${ISSUER}/userinfo` }))).json()).toMatchObject({
      error: 'invalid_dpop_proof',
    });
    expect(await (await token(await proof({ htm: 'GET' }))).json()).toMatchObject({
      error: 'invalid_dpop_proof',
    });
    expect(
      await (await token(await proof({ iat: Math.floor(Date.now() / 1000) - 600 }))).json(),
    ).toMatchObject({
      error: 'invalid_dpop_proof',
    });
    const withPrivate = await proof({}, { jwk: await exportJWK(privateKey) });
    expect(await (await token(withPrivate)).json()).toMatchObject({ error: 'invalid_dpop_proof' });
    expect(await (await token(await proof({}, { typ: 'JWT' }))).json()).toMatchObject({
      error: 'invalid_dpop_proof',
    });
  });

  it('checks a proof on the mock clock, exp included, not on the wall clock', async () => {
    // A mock whose clock is far from the wall clock (a test pinned to a fixed instant).
    const at = Date.UTC(2020, 0, 1) / 1000;
    const { idp } = await setup({}, { now: () => at * 1000 });
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const proof = (iat: number) =>
      new SignJWT({ jti: crypto.randomUUID(), htm: 'POST', htu: `${ISSUER}/token`, iat })
        .setExpirationTime(iat + 60)
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .sign(privateKey);
    const token = async (dpop: string) =>
      (await (
        await idp.fetch(
          formPost(
            `${ISSUER}/token`,
            {
              grant_type: 'refresh_token',
              refresh_token: 'unknown',
              client_id: 'dinhdanh-dev',
              client_secret: 'dinhdanh-dev-secret-change-me-0123456789',
            },
            { dpop },
          ),
        )
      ).json()) as { error?: string };
    // Fresh on the mock clock: accepted (the refresh token is what is refused).
    expect(await token(await proof(at))).toMatchObject({ error: 'invalid_grant' });
    // Fresh on the wall clock only: from the mock's future.
    const wall = Math.floor(Date.now() / 1000);
    expect(await token(await proof(wall))).toMatchObject({ error: 'invalid_dpop_proof' });
  });

  it('leaves Bearer logins unchanged', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    expect(tokens.token_type).toBe('bearer');
  });
});
