/**
 * Precise errors of the partner login (issue 17 part 2) and its size limits (part 3): each
 * failure its own documented code, nothing personal or secret in the message; every limit
 * tested at the boundary (exactly the limit is read, one byte more is refused).
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError, type DinhDanhError } from '@dinhdanh/core';
import { CITIZEN, CLIENT_SECRET } from './provider.fixture';
import type { Switches } from './provider.fixture';
import { failure, setup } from './support';

const KIB = 1024;
const TOKEN_LIMIT = 256 * KIB;
const USERINFO_LIMIT = 1024 * KIB;

const href = (input: string | URL | Request): string =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

async function finish(
  switches: Partial<Switches>,
  fetchWrap?: (inner: Fetch) => Fetch,
): Promise<{ ok: true } | { ok: false; error: DinhDanhError; accessToken: string }> {
  let inner: Fetch = () => Promise.reject(new Error('not ready'));
  const extra = fetchWrap
    ? { fetch: (i: string | URL | Request, init?: RequestInit) => fetchWrap(inner)(i, init) }
    : {};
  const { rp, provider } = setup(switches, {}, extra);
  inner = (i, init) => provider.fetch(i, init);
  const { url, transaction } = await rp.startLogin({ level: 2 });
  const { callback } = await provider.authorize(url);
  try {
    await rp.finishLogin(callback, transaction);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error as DinhDanhError, accessToken: provider.accessToken };
  }
}

function expectClean(error: DinhDanhError, accessToken = ''): void {
  const text = `${error.message} ${JSON.stringify(error)}`;
  expect(text).not.toContain(CITIZEN.citizenPid);
  expect(text).not.toContain(CITIZEN.fullName);
  expect(text).not.toContain(CLIENT_SECRET);
  if (accessToken !== '') expect(text).not.toContain(accessToken);
}

describe('size limits per kind of answer, at the boundary', () => {
  for (const sealed of [false, true]) {
    const how = sealed ? 'sealed' : 'plain';
    it(`token answer (${how}): ${String(TOKEN_LIMIT)} bytes read, one more refused`, async () => {
      const at = await finish({ envelopeToken: sealed, size: { token: TOKEN_LIMIT } });
      expect(at).toEqual({ ok: true });
      const over = await finish({ envelopeToken: sealed, size: { token: TOKEN_LIMIT + 1 } });
      expect(over.ok).toBe(false);
      if (!over.ok) {
        expect(over.error.code).toBe('provider_response_too_large');
        expect(over.error.path).toBe('token');
        expectClean(over.error);
      }
    });

    it(`userinfo answer (${how}): ${String(USERINFO_LIMIT)} bytes read, one more refused`, async () => {
      const at = await finish({ envelopeUserinfo: sealed, size: { userinfo: USERINFO_LIMIT } });
      expect(at).toEqual({ ok: true });
      const over = await finish({
        envelopeUserinfo: sealed,
        size: { userinfo: USERINFO_LIMIT + 1 },
      });
      expect(over.ok).toBe(false);
      if (!over.ok) {
        expect(over.error.code).toBe('provider_response_too_large');
        expect(over.error.path).toBe('userinfo');
        expectClean(over.error, over.accessToken);
      }
    });
  }

  it('a sealed userinfo with a 600 KiB portrait (over the old 256 KiB cap) is read', async () => {
    const portrait = 'A'.repeat(600 * KIB);
    const { rp, provider } = setup({ userinfo: { ...CITIZEN, photo: portrait } });
    const { url, transaction } = await rp.startLogin({ level: 2 });
    const { callback } = await provider.authorize(url);
    const result = await rp.finishLogin(callback, transaction);
    expect(result.identity.subject).toBe(CITIZEN.citizenPid);
  });

  it('a declared content-length over the limit is refused before the body is read', async () => {
    const result = await finish({}, (inner) => async (input, init) => {
      const response = await inner(input, init);
      if (!href(input).endsWith('/userinfo')) return response;
      const headers = new Headers(response.headers);
      headers.set('content-length', String(USERINFO_LIMIT + 1));
      return new Response(response.body, { status: 200, headers });
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('provider_response_too_large');
  });
});

describe('userinfo refused, userinfo naming nobody', () => {
  for (const status of [401, 403])
    it(`userinfo HTTP ${String(status)} → userinfo_unauthorized`, async () => {
      const result = await finish({ userinfoStatus: status });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('userinfo_unauthorized');
        expect(result.error.message).toContain(String(status));
        expectClean(result.error, result.accessToken);
      }
    });

  it('userinfo without citizenPid → subject_missing (not claims_missing)', async () => {
    const { citizenPid: _, ...nobody } = CITIZEN;
    for (const envelopeUserinfo of [true, false]) {
      const result = await finish({ userinfo: nobody, envelopeUserinfo });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('subject_missing');
        expect(result.error.path).toBe('userinfo.citizenPid');
        expectClean(result.error, result.accessToken);
      }
    }
  });

  it('a declined attribute is still claims_missing', async () => {
    const { rp, provider } = setup({});
    const { url, transaction } = await rp.startLogin({ level: 2, required: ['address'] });
    const { callback } = await provider.authorize(url);
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe('claims_missing');
  });
});

describe('timeout vs refused connection', () => {
  it('a token request that times out → provider_timeout', async () => {
    const result = await finish({}, (inner) => async (input, init) => {
      if (href(input).endsWith('/token')) {
        // What fetch rejects with when its AbortSignal.timeout fires.
        throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      }
      return inner(input, init);
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('provider_timeout');
  });

  it('a userinfo body that stalls until the deadline → provider_timeout', async () => {
    const result = await finish({}, (inner) => async (input, init) => {
      if (!href(input).endsWith('/userinfo')) return inner(input, init);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.error(new DOMException('timed out', 'TimeoutError'));
        },
      });
      return new Response(body, { status: 200 });
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('provider_timeout');
  });

  // Real hangs, bounded by the relying party's httpTimeoutMs (not an injected TimeoutError):
  // the bounded fetch's own expiry must still read as provider_timeout on the plug-in path.
  async function hanging(endpoint: '/token' | '/userinfo', body: boolean) {
    let inner: Fetch = () => Promise.reject(new Error('not ready'));
    const { rp, provider } = setup(
      {},
      {},
      {
        httpTimeoutMs: 200,
        fetch: (input, init) => {
          if (!href(input).endsWith(endpoint)) return inner(input, init);
          // Headers never come, or a body that never sends a byte; the signal is ignored.
          if (!body) return new Promise<Response>(() => undefined);
          return Promise.resolve(
            new Response(new ReadableStream({ pull: () => new Promise(() => undefined) })),
          );
        },
      },
    );
    inner = (i, init) => provider.fetch(i, init);
    const { url, transaction } = await rp.startLogin({ level: 2 });
    const { callback } = await provider.authorize(url);
    const error: unknown = await rp.finishLogin(callback, transaction).then(
      () => new Error('expected a refusal'),
      (e: unknown) => e,
    );
    if (!isDinhDanhError(error)) throw error;
    return error;
  }

  it('a token endpoint that never answers → provider_timeout at httpTimeoutMs', async () => {
    const error = await hanging('/token', false);
    expect(error.code).toBe('provider_timeout');
    expect(error.path).toBe('token');
    expectClean(error);
  });

  it('a userinfo body that never arrives → provider_timeout at httpTimeoutMs', async () => {
    const error = await hanging('/userinfo', true);
    expect(error.code).toBe('provider_timeout');
    expect(error.path).toBe('userinfo');
    expectClean(error);
  });

  it('a refused connection → provider_unreachable', async () => {
    // A port that was just free: nothing listens there, the connection is refused.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const result = await finish({}, (inner) => async (input, init) => {
      if (href(input).endsWith('/token'))
        return fetch(`http://127.0.0.1:${String(port)}/token`, init);
      return inner(input, init);
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('provider_unreachable');
  });
});
