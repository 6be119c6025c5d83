import { describe, expect, it } from 'vitest';
import { ENVELOPE_INVALID_MESSAGE, sealEnvelope, vneidPartner } from '@dinhdanh/core/vneid-partner';
import { generateKeyPairSync } from 'node:crypto';
import { rsaPair } from '../keys.fixture';
import { CITIZEN } from './provider.fixture';
import { failure, pair, setup } from './support';

function noLeak(text: string, secrets: readonly (string | undefined)[]): void {
  for (const secret of secrets) if (secret !== undefined) expect(text).not.toContain(secret);
  expect(text).not.toContain(CITIZEN.citizenPid);
  expect(text).not.toContain(CITIZEN.fullName);
}

describe('partner login: state first, then encrypt_key', () => {
  it('a wrong state with a garbage encrypt_key is state_mismatch, and nothing is redeemed', async () => {
    const { rp, provider } = setup({ encryptCode: true });
    const { url, transaction } = await rp.startLogin();
    await provider.authorize(url);
    const callback = `https://bank.example.vn/auth/callback?code=AAAA+BBBB&state=wrong&encrypt_key=%%%garbage+`;
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe('state_mismatch');
    expect(provider.tokenForms).toHaveLength(0);
  });

  it('the right state with a garbage encrypt_key is envelope_invalid with the one message', async () => {
    const { rp, provider } = setup({ encryptCode: true });
    const other = rsaPair();
    // A well-formed key for someone else, and plain garbage base64; one login each (a
    // transaction is used once).
    const { encryptCode } = await import('@dinhdanh/core/vneid-partner');
    const foreign = await encryptCode('not-for-you', { publicKey: other.spki });
    for (const encryptKey of [foreign.encryptKey, 'QUJD+RA==', 'not base64!']) {
      const { url, transaction } = await rp.startLogin();
      const { code } = await provider.authorize(url);
      const callback = `https://bank.example.vn/auth/callback?code=${code}&state=${transaction.state}&encrypt_key=${encryptKey}`;
      const error = await failure(rp.finishLogin(callback, transaction));
      expect(error.code).toBe('envelope_invalid');
      expect(error.text).toContain(ENVELOPE_INVALID_MESSAGE);
      noLeak(error.text, [provider.issued?.plainCode, code]);
    }
    expect(provider.tokenForms).toHaveLength(0);
  });

  it('a repeated encrypt_key is callback_invalid', async () => {
    const { rp, provider } = setup({ encryptCode: true });
    const { url, transaction } = await rp.startLogin();
    const { callback, encryptKey } = await provider.authorize(url);
    const error = await failure(
      rp.finishLogin(`${callback}&encrypt_key=${encryptKey ?? ''}`, transaction),
    );
    expect(error.code).toBe('callback_invalid');
  });
});

describe('partner login: envelopes', () => {
  it('a plain token body where an envelope is expected is envelope_invalid (no fallback)', async () => {
    const { rp, provider } = setup({ envelopeToken: false }, { envelope: { token: true } });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('envelope_invalid');
    noLeak(error.text, [provider.accessToken]);
  });

  it('a plain userinfo body where an envelope is expected is envelope_invalid', async () => {
    const { rp, provider } = setup({ envelopeUserinfo: false }, { envelope: { userinfo: true } });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('envelope_invalid');
    expect(error.text).toContain(ENVELOPE_INVALID_MESSAGE);
    noLeak(error.text, [provider.accessToken]);
  });

  it('an envelope in the wrong AES mode is envelope_invalid', async () => {
    const { rp, provider } = setup({ mode: 'cbc' }, { aesMode: 'ecb' });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('envelope_invalid');
    noLeak(error.text, [provider.accessToken]);
  });

  it('userinfo sealed to another key is envelope_invalid', async () => {
    const { rp, provider } = setup({ envelopeUserinfo: false }, { envelope: { userinfo: true } });
    const other = rsaPair();
    provider.switches.userinfo = { ...(await sealEnvelope(CITIZEN, { publicKey: other.spki })) };
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('envelope_invalid');
    noLeak(error.text, [provider.accessToken]);
  });

  it('an envelope where a plain body is configured is not opened and fails closed', async () => {
    const { rp, provider } = setup({ envelopeToken: true }, { envelope: { token: false } });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('provider_response_invalid');
  });

  it('a provider token error keeps its code', async () => {
    const { rp, provider } = setup();
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    provider.issued = { ...provider.issued!, plainCode: 'other' };
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe('invalid_grant');
  });
});

describe('partner login: how token and userinfo requests end', () => {
  /** The provider's answers, with the token response replaced by `token(original)`. */
  function wrapped(token: (original: Response) => Promise<Response> | Response) {
    const signals: (AbortSignal | null | undefined)[] = [];
    const inner: {
      fetch?: (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
    } = {};
    const { rp, provider } = setup(
      { envelopeToken: false, envelopeUserinfo: false },
      {},
      {
        fetch: async (input, init) => {
          signals.push(init?.signal);
          if (inner.fetch === undefined) throw new Error('not wired');
          const response = await inner.fetch(input, init);
          const url = new URL(input instanceof Request ? input.url : input);
          return url.pathname === '/token' ? token(response) : response;
        },
      },
    );
    inner.fetch = provider.fetch;
    return { rp, provider, signals };
  }

  it('every request carries a timeout signal (a stalled provider cannot hang the login)', async () => {
    const { rp, provider, signals } = wrapped((r) => r);
    const { url, transaction } = await rp.startLogin();
    await rp.finishLogin((await provider.authorize(url)).callback, transaction);
    expect(signals.length).toBeGreaterThanOrEqual(2);
    for (const signal of signals.slice(-2)) expect(signal).toBeInstanceOf(AbortSignal);
  });

  it('a token body that breaks off while read is provider_unreachable, not a raw error', async () => {
    const { rp, provider } = wrapped(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.error(new TypeError('socket closed'));
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json' } },
        ),
    );
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe(
      'provider_unreachable',
    );
  });

  it('expires_in as a numeric string still sets the expiry', async () => {
    const { rp, provider } = wrapped(async (r) => {
      const body = (await r.json()) as Record<string, unknown>;
      return Response.json({ ...body, expires_in: '300' });
    });
    const { url, transaction } = await rp.startLogin();
    const result = await rp.finishLogin((await provider.authorize(url)).callback, transaction);
    expect(result.tokens.expiresAt).toBeTypeOf('number');
  });
});

describe('partner login: level and endpoints', () => {
  it('accountLevel 1 when level 2 was requested is insufficient_level', async () => {
    const { rp, provider } = setup({ userinfo: { ...CITIZEN, accountLevel: 1 } });
    const { url, transaction } = await rp.startLogin({ level: 2 });
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('insufficient_level');
    noLeak(error.text, [provider.accessToken]);
  });

  it('accountLevel 1 satisfies a level-1 login', async () => {
    const { rp, provider } = setup({ userinfo: { ...CITIZEN, accountLevel: 1 } });
    const { url, transaction } = await rp.startLogin({ level: 1 });
    const { callback } = await provider.authorize(url);
    expect((await rp.finishLogin(callback, transaction)).identity.level).toBe(1);
  });

  it('no accountLevel is level 0: refused for level 1', async () => {
    const { accountLevel: _dropped, ...noLevel } = CITIZEN;
    const { rp, provider } = setup({ userinfo: noLevel });
    const { url, transaction } = await rp.startLogin({ level: 1 });
    const { callback } = await provider.authorize(url);
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe('insufficient_level');
  });

  for (const [what, userinfo] of [
    ['http outside localhost', 'http://sso.vneid.test/userinfo'],
    ['another origin', 'https://collector.example/userinfo'],
    ['a lookalike host', 'https://sso.vneid.test.evil.example/userinfo'],
  ] as const) {
    it(`refuses a userinfo endpoint on ${what} before sending any token`, async () => {
      const { rp, provider } = setup({ metadata: { userinfo_endpoint: userinfo } });
      const { url, transaction } = await rp.startLogin();
      const { callback } = await provider.authorize(url);
      const error = await failure(rp.finishLogin(callback, transaction));
      expect(error.code).toBe('provider_response_invalid');
      expect(provider.tokenForms).toHaveLength(0);
      expect(provider.requested.some((href) => href.startsWith(userinfo))).toBe(false);
    });
  }

  it('refuses a token endpoint off the issuer', async () => {
    const { rp, provider } = setup({
      metadata: { token_endpoint: 'https://collector.example/token' },
    });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe(
      'provider_response_invalid',
    );
    expect(provider.requested.some((href) => href.startsWith('https://collector.example'))).toBe(
      false,
    );
  });
});

describe('partner profile: configuration', () => {
  it('refuses an EC key and a 1024-bit RSA key with config_invalid', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    for (const privateKey of [ec, rsaPair(1024).pkcs8, 'not a key']) {
      expect((await failure(Promise.resolve().then(() => vneidPartner({ privateKey })))).code).toBe(
        'config_invalid',
      );
    }
  });

  it('refuses an unknown AES mode with config_invalid', async () => {
    const bad = { privateKey: pair.pkcs8, aesMode: 'gcm' } as unknown as Parameters<
      typeof vneidPartner
    >[0];
    expect((await failure(Promise.resolve().then(() => vneidPartner(bad)))).code).toBe(
      'config_invalid',
    );
  });

  // private_key_jwt / client_secret_basic with the partner profile: see partner-config.test.ts
});
