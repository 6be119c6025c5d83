// The size cap on provider responses (PAR, token, userinfo) still holds on every path
// boundedFetch can take, including the one that hands a network response on uncopied.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelyingParty } from '@dinhdanh/core';

// maxTokenBytes 1024: provider responses are capped at 4 KiB.
const LIMIT = 4 * 1024;
const CHUNK = new TextEncoder().encode(' '.repeat(16 * 1024));

function endlessStream(counter: { pulled: number }, total: number) {
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) {
        controller.enqueue(
          new TextEncoder().encode(
            '{"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60}',
          ),
        );
        return controller.close();
      }
      counter.pulled += CHUNK.byteLength;
      controller.enqueue(CHUNK);
    },
  });
}

function metadata(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    pushed_authorization_request_endpoint: `${issuer}/par`,
    jwks_uri: `${issuer}/jwks`,
  };
}

function rpWith(issuer: string, fetch?: (input: string | URL | Request) => Promise<Response>) {
  return createRelyingParty({
    issuer,
    clientId: 'rp',
    redirectUri: 'http://127.0.0.1/cb',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'synthetic-secret-0123456789abcdef',
    },
    par: 'required',
    maxTokenBytes: 1024,
    ...(fetch === undefined ? {} : { fetch }),
  });
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('an injected fetch that builds its own responses is always counted', () => {
  const ISSUER = 'https://idp.example';

  function injected(parHeaders: Record<string, string>, counter: { pulled: number }) {
    return (input: string | URL | Request): Promise<Response> => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname === '/.well-known/openid-configuration') {
        return Promise.resolve(Response.json(metadata(ISSUER)));
      }
      return Promise.resolve(
        new Response(endlessStream(counter, 32 * 1024 * 1024), {
          status: 201,
          headers: { 'content-type': 'application/json', ...parHeaders },
        }),
      );
    };
  }

  it('refuses a streamed PAR response without content-length past the cap', async () => {
    const counter = { pulled: 0 };
    const rp = rpWith(ISSUER, injected({}, counter));
    expect(await codeOf(rp.startLogin())).toBe('provider_response_invalid');
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a PAR response whose content-length lies (small header, endless body)', async () => {
    const counter = { pulled: 0 };
    const rp = rpWith(ISSUER, injected({ 'content-length': '40' }, counter));
    expect(await codeOf(rp.startLogin())).toBe('provider_response_invalid');
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a response declaring more than the cap without reading it', async () => {
    const counter = { pulled: 0 };
    const rp = rpWith(ISSUER, injected({ 'content-length': String(LIMIT + 1) }, counter));
    expect(await codeOf(rp.startLogin())).toBe('provider_response_invalid');
    expect(counter.pulled).toBeLessThanOrEqual(CHUNK.byteLength);
  });
});

describe('network responses through the real fetch', () => {
  let server: Server;
  let issuer = '';
  let par: 'small' | 'gzip-bomb' | 'chunked' = 'small';

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(metadata(issuer)));
        return;
      }
      res.statusCode = 201;
      res.setHeader('content-type', 'application/json');
      if (par === 'small') {
        res.end(
          JSON.stringify({ request_uri: 'urn:ietf:params:oauth:request_uri:abc', expires_in: 60 }),
        );
      } else if (par === 'gzip-bomb') {
        // A few hundred bytes on the wire (its content-length), 64 KiB once fetch decompresses it.
        const json = `{"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60,"pad":"${' '.repeat(64 * 1024)}"}`;
        res.setHeader('content-encoding', 'gzip');
        res.end(gzipSync(json));
      } else {
        res.write(`{"request_uri":"urn:ietf:params:oauth:request_uri:abc","expires_in":60,"pad":"`);
        res.end(`${'x'.repeat(2 * LIMIT)}"}`);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('accepts a PAR response within the cap', async () => {
    par = 'small';
    const { url } = await rpWith(issuer).startLogin();
    expect(new URL(url).searchParams.get('request_uri')).toBe(
      'urn:ietf:params:oauth:request_uri:abc',
    );
  });

  it('refuses a compressed PAR response that is small on the wire and huge decoded', async () => {
    par = 'gzip-bomb';
    expect(await codeOf(rpWith(issuer).startLogin())).toBe('provider_response_invalid');
  });

  it('refuses a chunked PAR response (no content-length) past the cap', async () => {
    par = 'chunked';
    expect(await codeOf(rpWith(issuer).startLogin())).toBe('provider_response_invalid');
  });
});
