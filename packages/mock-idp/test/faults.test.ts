/** Fault switches: each makes the next request misbehave in one way a relying party must catch. */
import * as client from 'openid-client';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { FAULT_NAMES, type FaultName } from '../src/index';
import { connect, discover, exchange, follow, headlessLogin, ISSUER, setup } from './helpers';

async function login(faults: FaultName[]) {
  const { idp, config } = await connect();
  client.enableNonRepudiationChecks(config);
  idp.setFaults(faults.map((name) => ({ name, delayMs: 1 })));
  const flow = await headlessLogin(idp, config, { acr_values: 'urn:dinhdanh:loa:2' });
  return { idp, config, flow };
}

/** The raw ID token the mock issued, captured by wrapping fetch. */
async function rawIdToken(fault: FaultName): Promise<{ token: string; error: unknown }> {
  const { idp, privateKey } = await setup();
  let token = '';
  const config = await client.discovery(
    new URL(idp.issuer),
    'rp',
    {},
    client.PrivateKeyJwt(privateKey),
    {
      execute: [client.allowInsecureRequests],
      [client.customFetch]: async (url, init) => {
        const res = await idp.fetch(new Request(url, init as RequestInit));
        if (url.endsWith('/token'))
          token = ((await res.clone().json()) as { id_token: string }).id_token;
        return res;
      },
    },
  );
  client.enableNonRepudiationChecks(config);
  idp.setFaults({ name: fault });
  const flow = await headlessLogin(idp, config, { acr_values: 'urn:dinhdanh:loa:2' });
  let error: unknown;
  try {
    await exchange(config, flow);
  } catch (e) {
    error = e;
  }
  return { token, error };
}

describe('ID token faults: the mock sends the defect and openid-client refuses it', () => {
  const cases: [FaultName, (token: string) => void][] = [
    ['id_token_expired', (t) => expect(decodeJwt(t).exp!).toBeLessThan(Date.now() / 1000)],
    ['id_token_bad_signature', (t) => expect(decodeProtectedHeader(t).alg).toBe('ES256')],
    ['id_token_unknown_kid', (t) => expect(typeof decodeProtectedHeader(t).kid).toBe('string')],
    ['id_token_wrong_issuer', (t) => expect(decodeJwt(t).iss).not.toBe(ISSUER)],
    ['id_token_wrong_audience', (t) => expect(decodeJwt(t).aud).not.toBe('rp')],
    ['id_token_missing_nonce', (t) => expect(decodeJwt(t)).not.toHaveProperty('nonce')],
    ['id_token_wrong_nonce', (t) => expect(typeof decodeJwt(t).nonce).toBe('string')],
    ['id_token_alg_none', (t) => expect(decodeProtectedHeader(t).alg).toBe('none')],
  ];
  for (const [fault, check] of cases) {
    it(fault, async () => {
      const { token, error } = await rawIdToken(fault);
      check(token);
      expect(error).toBeInstanceOf(Error);
    });
  }

  it('id_token_iat_future sends an iat an hour ahead (openid-client 6 does not check iat; an RP should)', async () => {
    const { token } = await rawIdToken('id_token_iat_future');
    expect(decodeJwt(token).iat!).toBeGreaterThan(Date.now() / 1000 + 3000);
  });

  it('id_token_lower_acr issues level 1 to a level-2 login (the RP must check the level itself)', async () => {
    const { token, error } = await rawIdToken('id_token_lower_acr');
    expect(error).toBeUndefined();
    expect(decodeJwt(token).acr).toBe('urn:dinhdanh:loa:1');
  });

  it('applies to the next request only, then the mock behaves', async () => {
    const { idp, config, flow } = await login(['id_token_wrong_issuer']);
    await expect(exchange(config, flow)).rejects.toThrow();
    expect(idp.faults).toEqual([]);
    const again = await headlessLogin(idp, config);
    const tokens = await exchange(config, again);
    expect(tokens.claims()?.iss).toBe(ISSUER);
  });
});

describe('endpoint faults', () => {
  async function exchangeWith(faults: FaultName[]) {
    const { config, flow } = await login(faults);
    return exchange(config, flow);
  }

  it('token_server_error answers 500 server_error', async () => {
    await expect(exchangeWith(['token_server_error'])).rejects.toThrow(
      'unexpected HTTP response status code',
    );
    const { idp } = await setup();
    idp.setFaults({ name: 'token_server_error' });
    const res = await idp.fetch(new Request(`${ISSUER}/token`, { method: 'POST' }));
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: 'server_error' });
  });

  it('token_invalid_grant answers invalid_grant', async () => {
    await expect(exchangeWith(['token_invalid_grant'])).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('token_delay and jwks_delay still answer, after the delay', async () => {
    const tokens = await exchangeWith(['token_delay', 'jwks_delay']);
    expect(tokens.access_token).toBeTruthy();
  });

  it('jwks_server_error makes the JWKS answer 500', async () => {
    const { idp } = await setup();
    idp.setFaults({ name: 'jwks_server_error', times: 2 });
    expect((await idp.fetch(new Request(`${ISSUER}/jwks`))).status).toBe(500);
    expect((await idp.fetch(new Request(`${ISSUER}/jwks`))).status).toBe(500);
    expect((await idp.fetch(new Request(`${ISSUER}/jwks`))).status).toBe(200);
  });

  it('userinfo_unauthorized answers 401 invalid_token', async () => {
    const { idp, config, flow } = await login([]);
    const tokens = await exchange(config, flow);
    idp.setFaults({ name: 'userinfo_unauthorized' });
    await expect(
      client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub),
    ).rejects.toMatchObject({
      status: 401,
    });
  });

  for (const [fault, error] of [
    ['authorize_access_denied', 'access_denied'],
    ['authorize_login_required', 'login_required'],
    ['authorize_server_error', 'server_error'],
  ] as const) {
    it(`${fault} redirects ${error} with iss and state`, async () => {
      const { idp, config } = await connect();
      idp.setFaults({ name: fault });
      const { callback, state } = await headlessLogin(idp, config);
      expect(callback.searchParams.get('error')).toBe(error);
      expect(callback.searchParams.get('state')).toBe(state);
      expect(callback.searchParams.get('iss')).toBe(ISSUER);
      await expect(
        client.authorizationCodeGrant(config, callback, {
          pkceCodeVerifier: 'x'.repeat(43),
          expectedState: state,
        }),
      ).rejects.toMatchObject({ error });
    });
  }
});

describe('admin API', () => {
  const post = (path: string, body: unknown) =>
    new Request(`${ISSUER}/__mock/${path}`, { method: 'POST', body: JSON.stringify(body) });

  it('arms, lists and clears faults', async () => {
    const { idp } = await setup();
    const armed = await idp.fetch(
      post('faults', { faults: [{ name: 'jwks_server_error', times: 3 }] }),
    );
    expect(await armed.json()).toEqual({
      faults: [{ name: 'jwks_server_error', times: 3, delayMs: 2000 }],
    });
    await idp.fetch(post('faults', { name: 'userinfo_unauthorized' }));
    expect(idp.faults.map((f) => f.name)).toEqual(['jwks_server_error', 'userinfo_unauthorized']);
    const cleared = await idp.fetch(new Request(`${ISSUER}/__mock/faults`, { method: 'DELETE' }));
    expect(await cleared.json()).toEqual({ faults: [] });
  });

  it('refuses unknown faults and bad JSON', async () => {
    const { idp } = await setup();
    expect(await (await idp.fetch(post('faults', { name: 'explode' }))).json()).toMatchObject({
      error: 'invalid_request',
    });
    const bad = await idp.fetch(
      new Request(`${ISSUER}/__mock/faults`, { method: 'POST', body: '{' }),
    );
    expect(await bad.json()).toMatchObject({ error: 'invalid_request' });
    expect(() => idp.setFaults({ name: 'explode' as FaultName })).toThrow(
      expect.objectContaining({ code: 'input_invalid' }),
    );
  });

  it('is absent unless admin is on', async () => {
    const { idp } = await setup({}, { admin: false });
    const res = await idp.fetch(post('faults', { name: 'jwks_server_error' }));
    expect(res.status).toBe(404);
    expect(idp.faults).toEqual([]);
  });

  it('rotates keys, lists personas, resets', async () => {
    const { idp, privateKey } = await setup();
    const rotated = (await (await idp.fetch(post('keys/rotate', {}))).json()) as {
      currentKid: string;
    };
    expect(typeof rotated.currentKid).toBe('string');
    const personas = (await (await idp.fetch(new Request(`${ISSUER}/__mock/personas`))).json()) as {
      personas: { id: string }[];
    };
    expect(personas.personas.length).toBeGreaterThanOrEqual(8);
    const config = await discover(idp, 'rp', client.PrivateKeyJwt(privateKey));
    const { callback } = await headlessLogin(idp, config);
    idp.setFaults({ name: 'jwks_server_error' });
    expect(await (await idp.fetch(post('reset', {}))).json()).toEqual({ reset: true });
    expect(idp.faults).toEqual([]);
    // codes were forgotten
    const res = await follow(idp, callback).catch((e: unknown) => e);
    expect(res).toBeInstanceOf(Error);
  });

  it('every fault name is documented in the catalogue', () => {
    // + 11 vneid-partner faults (partner-faults.test.ts, partner-variants.test.ts)
    expect(FAULT_NAMES).toHaveLength(19 + 11);
  });
});
