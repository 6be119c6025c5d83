/** Cross-device login over the device authorization grant (RFC 8628). */
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { discover, formPost, ISSUER, setup } from './helpers';

const SECRET = 'dinhdanh-dev-secret-change-me-0123456789';

async function start(options: Parameters<typeof setup>[1] = {}) {
  const { idp } = await setup({}, { devicePollInterval: 1, ...options });
  const config = await discover(idp, 'dinhdanh-dev', client.ClientSecretPost(SECRET));
  const response = await client.initiateDeviceAuthorization(config, {
    scope: 'openid profile phone',
  });
  return { idp, config, response };
}

/** Poll without real waiting: openid-client waits `interval` seconds before each poll. */
function fast(response: client.DeviceAuthorizationResponse): client.DeviceAuthorizationResponse {
  return { ...response, interval: 0.001 };
}

function poll(
  idp: Awaited<ReturnType<typeof setup>>['idp'],
  deviceCode: string,
): Promise<Response> {
  return idp.fetch(
    formPost(`${ISSUER}/token`, {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: deviceCode,
      client_id: 'dinhdanh-dev',
      client_secret: SECRET,
    }),
  );
}

describe('device authorization grant', () => {
  it('answers with a user code and verification URIs pointing at the phone page', async () => {
    const { response } = await start();
    expect(response.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(response.verification_uri).toBe(`${ISSUER}/device`);
    expect(response.verification_uri_complete).toBe(
      `${ISSUER}/device?user_code=${response.user_code}`,
    );
  });

  it('is pending until approved on the phone page, then openid-client gets tokens', async () => {
    const { idp, config, response } = await start();
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'authorization_pending',
    });

    const page = await idp.fetch(new Request(response.verification_uri_complete!));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const approve = await idp.fetch(
      formPost(`${ISSUER}/device`, {
        user_code: response.user_code.toLowerCase().replace('-', ''),
        persona: 'citizen-l1',
        decision: 'approve',
      }),
    );
    expect(approve.status).toBe(200);

    const tokens = await client.pollDeviceAuthorizationGrant(config, fast(response));
    expect(tokens.claims()).toMatchObject({ acr: 'urn:dinhdanh:loa:1', iss: ISSUER });
    const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub);
    expect(info).toMatchObject({ name: 'Trần Thị Bình', phone_number: '+84387654321' });
    // single use
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('reports access_denied when the citizen denies (headless, programmatic API)', async () => {
    const { idp, config, response } = await start();
    expect(idp.approveDevice(response.user_code, undefined, 'deny')).toEqual({
      ok: true,
      status: 'denied',
    });
    await expect(client.pollDeviceAuthorizationGrant(config, fast(response))).rejects.toMatchObject(
      {
        error: 'access_denied',
      },
    );
  });

  it('approves through the admin API', async () => {
    const { idp, config, response } = await start();
    const res = await idp.fetch(
      new Request(`${ISSUER}/__mock/device/approve`, {
        method: 'POST',
        body: JSON.stringify({ user_code: response.user_code, persona: 'citizen-l2' }),
      }),
    );
    expect(await res.json()).toEqual({ status: 'approved' });
    const tokens = await client.pollDeviceAuthorizationGrant(config, fast(response));
    expect(tokens.claims()?.acr).toBe('urn:dinhdanh:loa:2');
  });

  it('answers slow_down when polled faster than the interval, and raises the interval', async () => {
    let now = 1_800_000_000_000;
    const { idp, response } = await start({ devicePollInterval: 5, now: () => now });
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'authorization_pending',
    });
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'slow_down',
    });
    now += 6_000; // the interval is now 10 s
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'slow_down',
    });
    now += 16_000; // 5 + 5 + 5 after two slow_downs (RFC 8628 §3.5)
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'authorization_pending',
    });
  });

  it('answers expired_token after the device code expires', async () => {
    let now = 1_800_000_000_000;
    const { idp, response } = await start({ now: () => now });
    now += 601_000;
    expect(await (await poll(idp, response.device_code)).json()).toMatchObject({
      error: 'expired_token',
    });
  });

  it('shows an error on the phone page for an unknown code, and a locked persona cannot approve', async () => {
    const { idp, response } = await start();
    const unknown = await idp.fetch(new Request(`${ISSUER}/device?user_code=BBBB-BBBB`));
    expect(unknown.status).toBe(400);
    const locked = idp.approveDevice(response.user_code, 'locked');
    expect(locked).toMatchObject({ ok: false, error: 'access_denied' });
  });
});
