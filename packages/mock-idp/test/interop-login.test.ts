/** Interop with a peer we did not write: plain openid-client 6 logs in against the mock. */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { connect, exchange, headlessLogin, ISSUER } from './helpers';

describe('openid-client 6 against the mock (in-process)', () => {
  it('discovers the metadata', async () => {
    const { config } = await connect();
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(ISSUER);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.pushed_authorization_request_endpoint).toBe(`${ISSUER}/par`);
    expect(meta.authorization_response_iss_parameter_supported).toBe(true);
    expect(meta.id_token_signing_alg_values_supported).toEqual(['ES256']);
  });

  it('logs in with PAR + PKCE + private_key_jwt, non-repudiation checks on, then reads userinfo', async () => {
    const { idp, config } = await connect();
    client.enableNonRepudiationChecks(config);
    const flow = await headlessLogin(
      idp,
      config,
      { scope: 'openid profile vn_identity', acr_values: 'urn:dinhdanh:loa:2' },
      { par: true },
    );
    expect(flow.callback.searchParams.get('iss')).toBe(ISSUER);
    const tokens = await exchange(config, flow);
    const claims = tokens.claims()!;
    expect(claims.acr).toBe('urn:dinhdanh:loa:2');
    expect(claims.amr).toEqual(['pwd', 'otp', 'face']);
    expect(typeof claims.sid).toBe('string');
    expect(typeof claims.auth_time).toBe('number');
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    expect(info).toMatchObject({
      sub: claims.sub,
      name: 'Nguyễn Văn An',
      family_name: 'Nguyễn',
      birthdate: '1985-03-14',
      gender: 'male',
      nationalities: ['VN'],
      vn_pid: '001085012345',
      vn_account_type: 'citizen',
    });
    expect(info).not.toHaveProperty('email');
  });

  it('rotates refresh tokens; the old one is refused and its reuse revokes the grant', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const first = await exchange(config, flow);
    const second = await client.refreshTokenGrant(config, first.refresh_token!);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.claims()?.sub).toBe(first.claims()?.sub);
    await expect(client.refreshTokenGrant(config, first.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    // reuse revoked the whole grant, the rotated token included
    await expect(client.refreshTokenGrant(config, second.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});
