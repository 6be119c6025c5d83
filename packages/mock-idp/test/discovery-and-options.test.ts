/** Discovery metadata, the zero-configuration development client, options validation, revocation. */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { createMockIdp, DEV_CLIENT, type MockIdp } from '../src/index';
import { connect, discover, exchange, formPost, headlessLogin, ISSUER, setup } from './helpers';

describe('discovery', () => {
  it('advertises exactly the implemented endpoints and features', async () => {
    const idp = createMockIdp();
    const res = await idp.fetch(
      new Request('http://127.0.0.1:9400/.well-known/openid-configuration'),
    );
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      issuer: 'http://127.0.0.1:9400',
      authorization_endpoint: 'http://127.0.0.1:9400/authorize',
      token_endpoint: 'http://127.0.0.1:9400/token',
      userinfo_endpoint: 'http://127.0.0.1:9400/userinfo',
      jwks_uri: 'http://127.0.0.1:9400/jwks',
      pushed_authorization_request_endpoint: 'http://127.0.0.1:9400/par',
      revocation_endpoint: 'http://127.0.0.1:9400/revoke',
      end_session_endpoint: 'http://127.0.0.1:9400/end_session',
      device_authorization_endpoint: 'http://127.0.0.1:9400/device_authorization',
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      request_parameter_supported: false,
      request_uri_parameter_supported: false,
      claims_parameter_supported: true,
      backchannel_logout_supported: true,
      authorization_response_iss_parameter_supported: true,
    });
    expect(meta.acr_values_supported).toEqual(
      expect.arrayContaining([
        'urn:dinhdanh:loa:1',
        'urn:dinhdanh:loa:2',
        '1',
        '2',
        'LoA1',
        'LoA2',
      ]),
    );
    expect(meta.claims_supported).toEqual(
      expect.arrayContaining(['vn_pid', 'citizenPid', 'SoDinhDanh', 'XacNhan_ThuDienTu']),
    );
    expect(meta).not.toHaveProperty('registration_endpoint');
    expect(meta).not.toHaveProperty('introspection_endpoint');
  });

  it('serves the same metadata under an issuer with a path', async () => {
    const idp = createMockIdp({ issuer: 'http://127.0.0.1:9400/realms/vneid/' });
    expect(idp.issuer).toBe('http://127.0.0.1:9400/realms/vneid');
    const meta = (await (
      await idp.fetch(
        new Request('http://127.0.0.1:9400/realms/vneid/.well-known/openid-configuration'),
      )
    ).json()) as { token_endpoint: string };
    expect(meta.token_endpoint).toBe('http://127.0.0.1:9400/realms/vneid/token');
    expect((await idp.fetch(new Request('http://127.0.0.1:9400/other/token'))).status).toBe(404);
  });
});

/** A headless login of the development client (client_secret_basic); its tokens. */
async function devClientLogin(idp: MockIdp) {
  const config = await discover(
    idp,
    DEV_CLIENT.clientId,
    client.ClientSecretBasic(DEV_CLIENT.clientSecret),
  );
  return exchange(config, await headlessLogin(idp, config));
}

describe('zero configuration', () => {
  it('starts with the documented development client, and a headless login works with client_secret_basic', async () => {
    const idp = createMockIdp({ autoApprove: true });
    expect(idp.clients.map((c) => c.clientId)).toEqual([DEV_CLIENT.clientId]);
    expect(DEV_CLIENT.clientSecret.length).toBeGreaterThanOrEqual(32);
    const tokens = await devClientLogin(idp);
    expect(tokens.claims()?.aud).toBe('dinhdanh-dev');
  });

  it('applies a top-level dialect to clients that do not name one', async () => {
    const idp = createMockIdp({ autoApprove: true, dialect: 'vneid-sso' });
    expect(idp.clients[0]?.dialect).toBe('vneid-sso');
    const mixed = createMockIdp({
      dialect: 'dvcqg',
      clients: [
        { clientId: 'a', redirectUris: ['http://127.0.0.1/cb'], authMethods: ['none'] },
        {
          clientId: 'b',
          redirectUris: ['http://127.0.0.1/cb'],
          authMethods: ['none'],
          dialect: 'postid',
        },
      ],
    });
    expect(mixed.clients.map((c) => c.dialect)).toEqual(['dvcqg', 'postid']);
    const tokens = await devClientLogin(idp);
    expect(tokens.claims()?.acr).toBe('2');
  });

  it('refuses invalid options with config_invalid naming the field', () => {
    const attempt = (options: Parameters<typeof createMockIdp>[0]) => {
      try {
        createMockIdp(options);
        return undefined;
      } catch (error) {
        return error as { code: string; path: string };
      }
    };
    expect(attempt({ issuer: 'not a url' })).toMatchObject({
      code: 'config_invalid',
      path: 'issuer',
    });
    expect(
      attempt({
        clients: [{ clientId: 'x', redirectUris: ['http://127.0.0.1/cb'], clientSecret: 'short' }],
      }),
    ).toMatchObject({
      code: 'config_invalid',
      path: 'clients.0.clientSecret',
    });
    // no secret, no keys, no authMethods: nothing could authenticate this client
    expect(
      attempt({ clients: [{ clientId: 'x', redirectUris: ['http://127.0.0.1/cb'] }] }),
    ).toMatchObject({
      code: 'config_invalid',
      path: 'clients.0.authMethods',
    });
    expect(
      attempt({
        clients: [
          { clientId: 'x', redirectUris: ['http://127.0.0.1/cb'], authMethods: ['none'] },
          { clientId: 'x', redirectUris: ['http://127.0.0.1/cb'], authMethods: ['none'] },
        ],
      }),
    ).toMatchObject({ code: 'config_invalid', path: 'clients' });
    expect(attempt({ signingAlg: 'HS256' as never })).toMatchObject({
      code: 'config_invalid',
      path: 'signingAlg',
    });
  });
});

describe('revocation (RFC 7009)', () => {
  it('revokes a refresh token and the access tokens of its grant; unknown tokens answer 200', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    await client.tokenRevocation(config, 'not-a-token');
    await client.tokenRevocation(config, tokens.refresh_token!, {
      token_type_hint: 'refresh_token',
    });
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(
      client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('requires client authentication', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(formPost(`${ISSUER}/revoke`, 'token=abc'));
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('answers 403 insufficient_scope for a token refreshed without openid', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    const narrowed = await client.refreshTokenGrant(config, tokens.refresh_token!, {
      scope: 'profile',
    });
    expect(narrowed.id_token).toBeUndefined();
    const res = await idp.fetch(
      new Request(`${ISSUER}/userinfo`, {
        headers: { authorization: `Bearer ${narrowed.access_token}` },
      }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toMatch(/insufficient_scope/);
    await expect(
      client.refreshTokenGrant(config, narrowed.refresh_token!, { scope: 'openid email' }),
    ).rejects.toMatchObject({
      error: 'invalid_scope',
    });
  });

  it('answers a userinfo request without a token with 401 and WWW-Authenticate', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(new Request(`${ISSUER}/userinfo`));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });
});
