/**
 * `@dinhdanh/core/node` through a real node:http server, with request-targets and headers
 * written byte for byte as an attacker would send them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { raw, serve, type Running } from './server';

let running: Running | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Echoes what the handler saw: method, URL and (if asked) the body length. */
async function echo(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const read = url.searchParams.has('read') ? (await request.arrayBuffer()).byteLength : -1;
  return Response.json({ method: request.method, url: request.url, read });
}

interface Seen {
  method: string;
  url: string;
  read: number;
}
const seen = (body: string) => JSON.parse(body) as Seen;

function get(target: string, headers: string[] = []): string {
  return [
    `GET ${target} HTTP/1.1`,
    'Host: app.example',
    ...headers,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
}

describe('where a request comes from', () => {
  it('takes a //host request-target as a path on the configured origin, never as a host', async () => {
    running = await serve(echo, { origin: 'https://bank.example' });
    const answer = await raw(running.port, get('//attacker.example/auth/logout'));
    expect(answer.status).toBe(200);
    expect(seen(answer.body).url).toBe('https://bank.example/attacker.example/auth/logout');
  });

  it('takes /\\host and ///host the same way', async () => {
    running = await serve(echo, { origin: 'https://bank.example' });
    for (const target of ['/\\attacker.example/x', '///attacker.example/x']) {
      const answer = await raw(running.port, get(target));
      expect(new URL(seen(answer.body).url).host).toBe('bank.example');
    }
  });

  it('keeps only the path and query of an absolute-form target', async () => {
    running = await serve(echo, { origin: 'https://bank.example' });
    const answer = await raw(running.port, get('http://attacker.example/auth/login?returnTo=/x'));
    expect(seen(answer.body).url).toBe('https://bank.example/auth/login?returnTo=/x');
  });

  it('refuses the asterisk target with 400', async () => {
    running = await serve(echo);
    const answer = await raw(
      running.port,
      'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(400);
  });

  it('ignores a forged Host and X-Forwarded-* without trustProxy (the socket address is the origin)', async () => {
    running = await serve(echo);
    const answer = await raw(
      running.port,
      get('/x', ['X-Forwarded-Host: attacker.example', 'X-Forwarded-Proto: https']),
    );
    expect(seen(answer.body).url).toBe(`${running.url}/x`);
  });

  it('uses X-Forwarded-Proto and X-Forwarded-Host (first hop) with trustProxy', async () => {
    running = await serve(echo, { trustProxy: true });
    const forwarded = await raw(
      running.port,
      get('/x', ['X-Forwarded-Host: bank.example, proxy.internal', 'X-Forwarded-Proto: https']),
    );
    expect(seen(forwarded.body).url).toBe('https://bank.example/x');
    const plain = await raw(running.port, get('/x'));
    expect(seen(plain.body).url).toBe('http://app.example/x');
    const bad = await raw(running.port, get('/x', ['X-Forwarded-Host: a@b.example']));
    expect(bad.status).toBe(400);
  });
});

describe('methods', () => {
  it('answers TRACE with 405 and an Allow header, never 500', async () => {
    running = await serve(echo);
    // (TRACK never reaches a listener: Node's parser answers it 400 itself.)
    for (const method of ['TRACE']) {
      const answer = await raw(
        running.port,
        `${method} /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(answer.status).toBe(405);
      expect(answer.head.toLowerCase()).toContain('allow: get, head, post');
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    running = await serve(echo);
    const answer = await raw(
      running.port,
      'HEAD /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expect(answer.status).toBe(200);
    expect(answer.head.toLowerCase()).toContain('content-type: application/json');
    expect(answer.body).toBe('');
    const seen = await fetch(`${running.url}/x`);
    expect(((await seen.json()) as Seen).method).toBe('GET');
  });
});

describe('bodies', () => {
  it('passes a body under the cap to a handler that reads it', async () => {
    running = await serve(echo, { maxBodyBytes: 1000 });
    const answer = await fetch(`${running.url}/x?read`, { method: 'POST', body: 'a'.repeat(1000) });
    expect(((await answer.json()) as Seen).read).toBe(1000);
  });

  it('answers 413 when a declared length above the cap is read, and closes the connection', async () => {
    running = await serve(echo, { maxBodyBytes: 1000 });
    const answer = await fetch(`${running.url}/x?read`, { method: 'POST', body: 'a'.repeat(1001) });
    expect(answer.status).toBe(413);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('input_invalid');
  });

  it('stops reading a chunked body as soon as it passes the cap (413), without buffering it', async () => {
    let sent = 0;
    running = await serve(echo, { maxBodyBytes: 64 * 1024 });
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Bounded: a server that kept reading would see at most 50 MB, then the end.
        if (sent >= 50 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const answer = await fetch(`${running.url}/x?read`, {
      method: 'POST',
      body,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('leaves an oversized body alone where no handler reads it (413 only where read)', async () => {
    running = await serve(echo, { maxBodyBytes: 10 });
    const answer = await fetch(`${running.url}/x`, { method: 'POST', body: 'a'.repeat(5000) });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as Seen).read).toBe(-1);
  });
});

describe('responses', () => {
  it('sends every Set-Cookie as its own header and hides a thrown error', async () => {
    running = await serve((request) => {
      if (new URL(request.url).pathname === '/boom') throw new Error('secret token AT-123');
      const headers = new Headers();
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response('ok', { headers });
    });
    const answer = await fetch(`${running.url}/`);
    expect(answer.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    const boom = await fetch(`${running.url}/boom`);
    expect(boom.status).toBe(500);
    expect(await boom.text()).not.toContain('AT-123');
  });
});
