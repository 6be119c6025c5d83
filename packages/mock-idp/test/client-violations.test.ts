/** Every client-side violation gets the error the specs name. */
import * as client from 'openid-client';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  clientKeys,
  connect,
  exchange,
  follow,
  formPost,
  headlessLogin,
  ISSUER,
  REDIRECT,
  setup,
} from './helpers';

const S256 = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'; // RFC 7636 appendix B

function authorizeUrl(params: Record<string, string>): Request {
  const url = new URL(`${ISSUER}/authorize`);
  const all = {
    client_id: 'rp',
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid',
    state: 's1',
    code_challenge: S256,
    code_challenge_method: 'S256',
    login_hint: 'citizen-l1',
    ...params,
  };
  for (const [k, v] of Object.entries(all)) if (v !== '') url.searchParams.set(k, v);
  return new Request(url);
}

function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}): Request {
  return formPost(`${ISSUER}/token`, body, headers);
}

async function assertion(
  key: CryptoKey,
  claims: Record<string, unknown> = {},
  aud = ISSUER,
): Promise<string> {
  return new SignJWT({ jti: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'rp-1' })
    .setIssuer('rp')
    .setSubject('rp')
    .setAudience(aud)
    .setIssuedAt()
    .setExpirationTime('1m')
    .sign(key);
}

describe('authorization endpoint', () => {
  it('refuses a request without PKCE (redirected invalid_request, with iss and state)', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(authorizeUrl({ code_challenge: '', code_challenge_method: '' }));
    const location = new URL(res.headers.get('location')!);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('s1');
    expect(location.searchParams.get('iss')).toBe(ISSUER);
  });

  it('refuses PKCE plain', async () => {
    const { idp } = await setup();
    const location = await follow(idp, authorizeUrl({ code_challenge_method: 'plain' }).url);
    expect(location.searchParams.get('error')).toBe('invalid_request');
  });

  it('refuses response_type token and scope without openid', async () => {
    const { idp } = await setup();
    expect(
      (await follow(idp, authorizeUrl({ response_type: 'token' }).url)).searchParams.get('error'),
    ).toBe('unsupported_response_type');
    expect(
      (await follow(idp, authorizeUrl({ scope: 'profile' }).url)).searchParams.get('error'),
    ).toBe('invalid_scope');
    expect(
      (await follow(idp, authorizeUrl({ request: 'eyJ' }).url)).searchParams.get('error'),
    ).toBe('request_not_supported');
    expect(
      (await follow(idp, authorizeUrl({ claims: '{not json' }).url)).searchParams.get('error'),
    ).toBe('invalid_request');
  });

  it('never redirects to an unregistered redirect URI: error page instead', async () => {
    const { idp } = await setup();
    for (const redirect_uri of [
      'https://evil.example/cb',
      'http://127.0.0.1:3000/auth/callback/extra',
      '',
    ]) {
      const res = await idp.fetch(authorizeUrl({ redirect_uri }));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
    }
  });

  it('shows an error page for an unknown client', async () => {
    const { idp } = await setup();
    const res = await idp.fetch(authorizeUrl({ client_id: 'nobody' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('invalid_client');
  });

  it('accepts any port on a registered loopback IP redirect URI (RFC 8252 §7.3), not on localhost', async () => {
    const { idp } = await setup();
    const ok = await follow(
      idp,
      authorizeUrl({ redirect_uri: 'http://127.0.0.1:51234/auth/callback' }).url,
    );
    expect(ok.port).toBe('51234');
    expect(ok.searchParams.get('code')).toBeTruthy();
    const dev = await idp.fetch(
      authorizeUrl({
        client_id: 'dinhdanh-dev',
        redirect_uri: 'http://localhost:51234/auth/callback',
      }),
    );
    expect(dev.status).toBe(400);
  });

  it('requires PAR when the client is configured to', async () => {
    const { idp } = await setup({ requirePushedAuthorizationRequests: true });
    const location = await follow(idp, authorizeUrl({}).url);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/par/);
  });

  it('refuses an unknown or reused request_uri', async () => {
    const { idp, config } = await connect({ requirePushedAuthorizationRequests: true });
    const url = await client.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: S256,
      code_challenge_method: 'S256',
      login_hint: 'citizen-l1',
    });
    expect((await follow(idp, url)).searchParams.get('code')).toBeTruthy();
    const again = await idp.fetch(new Request(url));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('invalid_request_uri');
  });
});

describe('token endpoint', () => {
  async function codeFor(idp: Awaited<ReturnType<typeof setup>>['idp']): Promise<string> {
    return (await follow(idp, authorizeUrl({}).url)).searchParams.get('code')!;
  }

  it('refuses a wrong verifier (invalid_grant) and a missing one (invalid_request)', async () => {
    const { idp, privateKey } = await setup();
    const code1 = await codeFor(idp);
    const wrong = await idp.fetch(
      tokenRequest({
        grant_type: 'authorization_code',
        code: code1,
        redirect_uri: REDIRECT,
        code_verifier: 'a'.repeat(43),
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(privateKey),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    const code2 = await codeFor(idp);
    const missing = await idp.fetch(
      tokenRequest({
        grant_type: 'authorization_code',
        code: code2,
        redirect_uri: REDIRECT,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(privateKey),
      }),
    );
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses a reused code and revokes the tokens it gave', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config);
    const tokens = await exchange(config, flow);
    await expect(exchange(config, flow)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
    await expect(
      client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  it('refuses an expired code', async () => {
    let now = Date.now();
    const { idp, config } = await connect({}, { now: () => now });
    const flow = await headlessLogin(idp, config);
    now += 61_000;
    await expect(exchange(config, flow)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a redirect_uri that differs from the authorization request', async () => {
    const { idp, privateKey } = await setup();
    const res = await idp.fetch(
      tokenRequest({
        grant_type: 'authorization_code',
        code: await codeFor(idp),
        redirect_uri: 'http://127.0.0.1:3000/other',
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(privateKey),
      }),
    );
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('accepts the RFC 7636 appendix B verifier', async () => {
    const { idp, privateKey } = await setup();
    const res = await idp.fetch(
      tokenRequest({
        grant_type: 'authorization_code',
        code: await codeFor(idp),
        redirect_uri: REDIRECT,
        code_verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: await assertion(privateKey),
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toMatchObject({ token_type: 'Bearer' });
  });

  describe('client authentication', () => {
    const body = (extra: Record<string, string>) => ({
      grant_type: 'refresh_token',
      refresh_token: 'x',
      ...extra,
    });

    it('refuses an assertion signed by an unregistered key', async () => {
      const { idp } = await setup();
      const other = await clientKeys();
      const res = await idp.fetch(
        tokenRequest(
          body({
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: await assertion(other.privateKey),
          }),
        ),
      );
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client' });
    });

    it('refuses a replayed assertion (same jti)', async () => {
      const { idp, privateKey } = await setup();
      const jwt = await assertion(privateKey);
      const ok = await idp.fetch(
        tokenRequest(
          body({
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: jwt,
          }),
        ),
      );
      expect(await ok.json()).toMatchObject({ error: 'invalid_grant' }); // authenticated, bad refresh token
      const replay = await idp.fetch(
        tokenRequest(
          body({
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: jwt,
          }),
        ),
      );
      expect(replay.status).toBe(401);
      const replayBody = (await replay.json()) as { error: string; error_description: string };
      expect(replayBody.error).toBe('invalid_client');
      expect(replayBody.error_description).toMatch(/jti/);
    });

    it('refuses a wrong audience, an expired assertion and one without jti', async () => {
      const { idp, privateKey } = await setup();
      const type = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
      const expired = await new SignJWT({ jti: 'j1' })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('rp')
        .setSubject('rp')
        .setAudience(ISSUER)
        .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
        .sign(privateKey);
      const noJti = await new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('rp')
        .setSubject('rp')
        .setAudience(ISSUER)
        .setExpirationTime('1m')
        .sign(privateKey);
      for (const jwt of [
        await assertion(privateKey, {}, 'https://other.example'),
        expired,
        noJti,
      ]) {
        const res = await idp.fetch(
          tokenRequest(body({ client_assertion_type: type, client_assertion: jwt })),
        );
        expect(await res.json()).toMatchObject({ error: 'invalid_client' });
      }
    });

    it('accepts the token endpoint URL as audience', async () => {
      const { idp, privateKey } = await setup();
      const res = await idp.fetch(
        tokenRequest(
          body({
            client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
            client_assertion: await assertion(privateKey, {}, `${ISSUER}/token`),
          }),
        ),
      );
      expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
    });

    it('refuses an unknown client, a wrong secret, a method the client did not register', async () => {
      const { idp } = await setup();
      const basic = (id: string, secret: string) => ({
        authorization: `Basic ${btoa(`${id}:${secret}`)}`,
      });
      const unknown = await idp.fetch(tokenRequest(body({}), basic('nobody', 'x'.repeat(40))));
      expect(unknown.status).toBe(401);
      expect(unknown.headers.get('www-authenticate')).toMatch(/^Basic/);
      expect(await unknown.json()).toMatchObject({ error: 'invalid_client' });
      const wrong = await idp.fetch(tokenRequest(body({}), basic('dinhdanh-dev', 'wrong-secret')));
      expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
      const notRegistered = await idp.fetch(
        tokenRequest(body({ client_id: 'rp', client_secret: 'x'.repeat(40) })),
      );
      expect(await notRegistered.json()).toMatchObject({ error: 'invalid_client' });
      const none = await idp.fetch(tokenRequest(body({})));
      expect(await none.json()).toMatchObject({ error: 'invalid_client' });
      const post = await idp.fetch(
        tokenRequest(
          body({
            client_id: 'dinhdanh-dev',
            client_secret: 'dinhdanh-dev-secret-change-me-0123456789',
          }),
        ),
      );
      expect(await post.json()).toMatchObject({ error: 'invalid_grant' }); // authenticated
    });

    it('refuses an unsupported grant type and a missing one', async () => {
      const { idp } = await setup();
      const auth = {
        client_id: 'dinhdanh-dev',
        client_secret: 'dinhdanh-dev-secret-change-me-0123456789',
      };
      const password = await idp.fetch(tokenRequest({ ...auth, grant_type: 'password' }));
      expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
      const missing = await idp.fetch(tokenRequest(auth));
      expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    });
  });
});
