import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as oidc from 'openid-client';
import { DEV_CLIENT } from '../src/options';
import { serveFetch, startMockIdp, type RunningMockIdp, type ServedHandler } from '../src/node';
import { authorizationRequest, exchange } from './helpers';

const REDIRECT_URI = DEV_CLIENT.redirectUris[0];

describe('serveFetch (node:http ↔ Request/Response)', () => {
  let served: ServedHandler;
  beforeAll(async () => {
    served = await serveFetch(
      async (request) => {
        const url = new URL(request.url);
        if (url.pathname === '/throws') throw new Error('boom');
        const body = request.method === 'POST' ? await request.text() : '';
        const headers = new Headers({ 'content-type': 'application/json' });
        headers.append('set-cookie', 'a=1; Path=/');
        headers.append('set-cookie', 'b=2; Path=/');
        return new Response(
          JSON.stringify({
            method: request.method,
            url: request.url,
            body,
            header: request.headers.get('x-test'),
          }),
          { status: 201, headers },
        );
      },
      { port: 0, host: '127.0.0.1' },
    );
  });
  afterAll(() => served.close());

  it('binds a free port on 127.0.0.1 when asked for port 0', () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(served.url).not.toBe('http://127.0.0.1:0');
  });

  it('passes method, URL, headers and a streamed body, and returns status, headers and every cookie', async () => {
    const big = 'x'.repeat(200_000);
    const response = await fetch(`${served.url}/echo?q=1`, {
      method: 'POST',
      headers: { 'x-test': 'yes', 'content-type': 'text/plain' },
      body: big,
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const echoed = (await response.json()) as Record<string, string>;
    expect(echoed).toEqual({
      method: 'POST',
      url: `${served.url}/echo?q=1`,
      body: big,
      header: 'yes',
    });
  });

  it('reads a small form body whole and a body of unknown length as a stream', async () => {
    const small = await fetch(`${served.url}/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'persona=citizen-l2&decision=approve',
    });
    expect(((await small.json()) as { body: string }).body).toBe(
      'persona=citizen-l2&decision=approve',
    );
    const chunks = ['a'.repeat(10), 'b'.repeat(10)];
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
      duplex: 'half',
    };
    const streamed = await fetch(`${served.url}/stream`, init);
    expect(((await streamed.json()) as { body: string }).body).toBe(chunks.join(''));
  });

  it('refuses a declared body over 1 MiB with 413 before reading it', async () => {
    const response = await fetch(`${served.url}/flood`, {
      method: 'POST',
      body: 'x'.repeat(1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('answers a handler crash with a bare 500 that says nothing of the cause', async () => {
    const response = await fetch(`${served.url}/throws`);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'server_error' });
  });
});

describe('startMockIdp', () => {
  let mock: RunningMockIdp;
  beforeAll(async () => {
    mock = await startMockIdp({ port: 0, autoApprove: true });
  });
  afterAll(() => mock.close());

  it('defaults the issuer to the bound URL and serves discovery', async () => {
    expect(mock.issuer).toBe(mock.url);
    const response = await fetch(`${mock.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as { issuer: string };
    expect(metadata.issuer).toBe(mock.issuer);
  });

  it('logs in headlessly with openid-client over HTTP (dev client, login_hint)', async () => {
    const config = await oidc.discovery(
      new URL(mock.issuer),
      DEV_CLIENT.clientId,
      DEV_CLIENT.clientSecret,
      undefined,
      { execute: [oidc.allowInsecureRequests] },
    );
    const { url, ...checks } = await authorizationRequest(config, {
      redirect_uri: REDIRECT_URI,
      login_hint: 'citizen-l2',
    });
    const authorize = await fetch(url, { redirect: 'manual' });
    expect(authorize.status).toBeGreaterThanOrEqual(300);
    expect(authorize.status).toBeLessThan(400);
    const callback = new URL(authorize.headers.get('location')!);
    expect(callback.href.startsWith(REDIRECT_URI)).toBe(true);
    const tokens = await exchange(config, { callback, ...checks });
    const sub = tokens.claims()!.sub;
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, sub);
    expect(userinfo.sub).toBe(sub);
  });

  it('binds a configured issuer while listening on the bound URL', async () => {
    const other = await startMockIdp({ port: 0, issuer: 'http://idp.mock.test:9400' });
    try {
      expect(other.issuer).toBe('http://idp.mock.test:9400');
      expect(other.url).not.toBe(other.issuer);
      const metadata = (await (
        await fetch(`${other.url}/.well-known/openid-configuration`)
      ).json()) as { issuer: string; token_endpoint: string };
      expect(metadata.issuer).toBe('http://idp.mock.test:9400');
      expect(metadata.token_endpoint.startsWith('http://idp.mock.test:9400/')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('publishes a loopback URL when bound to every interface', async () => {
    const any = await startMockIdp({ port: 0, host: '0.0.0.0' });
    try {
      expect(any.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${any.url}/.well-known/openid-configuration`)).status).toBe(200);
    } finally {
      await any.close();
    }
  });

  it('closes once, however often close() is called', async () => {
    const other = await startMockIdp({ port: 0 });
    await Promise.all([other.close(), other.close()]);
    await other.close();
    await expect(fetch(`${other.url}/.well-known/openid-configuration`)).rejects.toThrow();
  });

  it('refuses a port in use with the listen error', async () => {
    const port = Number(new URL(mock.url).port);
    await expect(startMockIdp({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('refuses bad options with config_invalid and frees the port', async () => {
    await expect(startMockIdp({ port: 0, signingAlg: 'HS256' as 'ES256' })).rejects.toMatchObject({
      code: 'config_invalid',
    });
  });
});
