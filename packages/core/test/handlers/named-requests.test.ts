import { describe, expect, it } from 'vitest';
import { createAuthHandlers, isDinhDanhError } from '@dinhdanh/core';
import { FAKE_ISSUER, fakeIssuer } from '../support/fake-issuer';
import { ORIGIN, SECRET, fakeRp, handlersFor } from '../handlers/support';

const OPEN_ACCOUNT = {
  level: 2,
  claims: ['name', 'birthdate', 'portrait'],
  purpose: 'Mở tài khoản thanh toán (eKYC)',
} as const;

async function errorOf(response: Response): Promise<{ code: string; path?: string }> {
  expect(response.status).toBeGreaterThanOrEqual(400);
  return ((await response.json()) as { error: { code: string; path?: string } }).error;
}

function configCode(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isDinhDanhError(error)) return `${error.code} ${error.path ?? ''}`.trim();
    throw error;
  }
  throw new Error('expected a DinhDanhError');
}

describe('/login takes named requests, never attributes or purpose from the query', () => {
  it.each([
    ['claims=portrait&purpose=Kh%E1%BA%A3o%20s%C3%A1t', 'claims'],
    ['request=open-account&claims=portrait', 'claims'],
    ['claims=name', 'claims'],
    ['purpose=Kh%E1%BA%A3o%20s%C3%A1t', 'purpose'],
    ['request=open-account&purpose=other', 'purpose'],
    ['required=pid', 'required'],
    ['claims=', 'claims'],
  ])('refuses ?%s with input_invalid before starting a login', async (query, path) => {
    const rp = fakeRp();
    const response = await handlersFor(rp, { requests: { 'open-account': OPEN_ACCOUNT } }).login(
      new Request(`${ORIGIN}/auth/login?${query}`),
    );
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'input_invalid', path });
    expect(rp.calls).toEqual([]);
  });

  it('a step-up to level 1 is refused (it could lower a stricter profile default)', async () => {
    const rp = fakeRp();
    const response = await handlersFor(rp).login(
      new Request(`${ORIGIN}/auth/login?stepUp=1&level=1`),
    );
    expect(await errorOf(response)).toMatchObject({ code: 'input_invalid', path: 'level' });
    expect(rp.calls).toEqual([]);
  });

  it('starts the named request with its own attributes and purpose', async () => {
    const rp = fakeRp();
    const response = await handlersFor(rp, { requests: { 'open-account': OPEN_ACCOUNT } }).login(
      new Request(`${ORIGIN}/auth/login?request=open-account&returnTo=%2Fopen`),
    );
    expect(response.status).toBe(302);
    expect(rp.calls).toEqual([
      {
        method: 'startLogin',
        args: [
          {
            returnTo: '/open',
            level: 2,
            claims: ['name', 'birthdate', 'portrait'],
            purpose: 'Mở tài khoản thanh toán (eKYC)',
          },
        ],
      },
    ]);
  });

  it('uses requests.default without ?request=, and the engine defaults when there is none', async () => {
    const withDefault = fakeRp();
    await handlersFor(withDefault, {
      requests: { default: { claims: ['name'] }, 'open-account': OPEN_ACCOUNT },
    }).login(new Request(`${ORIGIN}/auth/login`));
    expect(withDefault.calls[0]?.args[0]).toEqual({ returnTo: '/', claims: ['name'] });

    const without = fakeRp();
    await handlersFor(without, { requests: { 'open-account': OPEN_ACCOUNT } }).login(
      new Request(`${ORIGIN}/auth/login`),
    );
    expect(without.calls[0]?.args[0]).toEqual({ returnTo: '/' });
  });

  it.each(['unknown', '__proto__', 'constructor', 'toString', 'a b', 'x'.repeat(65)])(
    'answers 400 input_invalid for the unknown request name %s',
    async (name) => {
      const rp = fakeRp();
      const response = await handlersFor(rp, { requests: { 'open-account': OPEN_ACCOUNT } }).login(
        new Request(`${ORIGIN}/auth/login?request=${encodeURIComponent(name)}`),
      );
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ code: 'input_invalid', path: 'request' });
      expect(rp.calls).toEqual([]);
    },
  );

  it('lets the query raise the level, never lower it', async () => {
    const requests = { basic: { level: 1, claims: ['name'] }, strict: OPEN_ACCOUNT } as const;
    const raised = fakeRp();
    await handlersFor(raised, { requests }).login(
      new Request(`${ORIGIN}/auth/login?request=basic&level=2`),
    );
    expect(raised.calls[0]?.args[0]).toMatchObject({ level: 2, claims: ['name'] });

    const lowered = fakeRp();
    const response = await handlersFor(lowered, { requests }).login(
      new Request(`${ORIGIN}/auth/login?request=strict&level=1`),
    );
    expect(await errorOf(response)).toMatchObject({ code: 'input_invalid', path: 'level' });
    expect(lowered.calls).toEqual([]);

    // Without a level of its own, level=1 is left to the profile's default (never lowers it).
    const unset = fakeRp();
    await handlersFor(unset).login(new Request(`${ORIGIN}/auth/login?level=1`));
    expect(unset.calls[0]?.args[0]).toEqual({ returnTo: '/' });
  });

  it('a step-up keeps the named attributes and purpose', async () => {
    const rp = fakeRp();
    await handlersFor(rp, { requests: { 'open-account': { ...OPEN_ACCOUNT, level: 1 } } }).login(
      new Request(`${ORIGIN}/auth/login?request=open-account&stepUp=1&level=2`),
    );
    expect(rp.calls).toEqual([
      {
        method: 'stepUp',
        args: [
          {
            returnTo: '/',
            level: 2,
            claims: ['name', 'birthdate', 'portrait'],
            purpose: 'Mở tài khoản thanh toán (eKYC)',
          },
        ],
      },
    ]);
  });

  it('checks the named requests at creation (config_invalid)', () => {
    const rp = fakeRp();
    const make = (requests: unknown) => () =>
      createAuthHandlers(rp, { secrets: SECRET, requests: requests as never });
    expect(configCode(make({ kyc: { claims: ['portrait'] } }))).toBe(
      'config_invalid requests.kyc.purpose',
    );
    expect(configCode(make({ kyc: { required: ['healthInsurance'] } }))).toBe(
      'config_invalid requests.kyc.purpose',
    );
    expect(configCode(make({ kyc: { claims: ['password'] } }))).toBe(
      'config_invalid requests.kyc.claims.0',
    );
    expect(configCode(make({ kyc: { level: 3 } }))).toBe('config_invalid requests.kyc.level');
    expect(configCode(make({ kyc: { scope: 'x' } }))).toMatch(/^config_invalid requests\.kyc/);
    expect(configCode(make({ 'a b': {} }))).toBe('config_invalid requests');
    expect(configCode(make(['default']))).toBe('config_invalid requests');
  });

  it('reaches the provider through the real engine: named scopes, no purpose on the wire', async () => {
    const idp = await fakeIssuer();
    const auth = createAuthHandlers(idp.rp(), {
      secrets: SECRET,
      requests: { 'open-account': OPEN_ACCOUNT },
    });
    const response = await auth.login(
      new Request(`${ORIGIN}/auth/login?request=open-account&login_hint=persona-an`),
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe(`${FAKE_ISSUER}/authorize`);
    expect(location.searchParams.get('login_hint')).toBe('persona-an');
    expect(location.searchParams.get('scope')).toContain('openid');
    expect(location.searchParams.has('purpose')).toBe(false);
  });
});

describe('POST /qr/start takes named requests too', () => {
  const post = (body: unknown) =>
    new Request(`${ORIGIN}/auth/qr/start`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it.each([
    [{ claims: ['portrait'], purpose: 'x' }, 'claims'],
    [{ request: 'open-account', purpose: 'x' }, 'purpose'],
    [{ request: 'nope' }, 'request'],
  ])('refuses %j with input_invalid', async (body, path) => {
    const rp = fakeRp();
    const response = await handlersFor(rp, { requests: { 'open-account': OPEN_ACCOUNT } }).qrStart(
      post(body),
    );
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'input_invalid', path });
    expect(rp.calls).toEqual([]);
  });

  it('starts the named request', async () => {
    const rp = fakeRp();
    const asked: unknown[] = [];
    rp.startQrLogin = (options) => {
      asked.push(options);
      return Promise.reject(new Error('stop here'));
    };
    await handlersFor(rp, { requests: { 'open-account': OPEN_ACCOUNT } }).qrStart(
      post({ request: 'open-account' }),
    );
    expect(asked).toEqual([
      {
        level: 2,
        claims: ['name', 'birthdate', 'portrait'],
        purpose: 'Mở tài khoản thanh toán (eKYC)',
      },
    ]);
  });
});

describe('the QR cookie keeps what the handle requires', () => {
  it('pollQrLogin gets back the required attributes startQrLogin put in the handle', async () => {
    const rp = fakeRp();
    const handle = {
      v: 1 as const,
      transport: 'device_code',
      ref: 'device-code-1',
      level: 2 as const,
      claims: ['name' as const, 'phone' as const],
      required: ['phone' as const],
      issuer: 'https://id.example',
      createdAt: Date.now(),
      expiresAt: Date.now() + 600_000,
      interval: 5,
    };
    rp.startQrLogin = () =>
      Promise.resolve({
        handle,
        qrUri: 'https://id.example/device?user_code=ABCD',
        expiresAt: handle.expiresAt,
        interval: 5,
      });
    const polled: unknown[] = [];
    rp.pollQrLogin = (h) => {
      polled.push(h);
      return Promise.resolve({ status: 'pending' });
    };
    const auth = createAuthHandlers(rp, { secrets: SECRET });
    const start = await auth.qrStart(
      new Request(`${ORIGIN}/auth/qr/start`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(start.status).toBe(200);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await auth.qrPoll(new Request(`${ORIGIN}/auth/qr/poll`, { headers: { cookie } }));
    expect(polled).toHaveLength(1);
    expect(polled[0]).toMatchObject({ required: ['phone'] });
  });
});
