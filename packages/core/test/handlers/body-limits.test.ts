import { describe, expect, it } from 'vitest';
import { DinhDanhError, memoryStore, type MeResponse } from '@dinhdanh/core';
import { readRequestBody } from '../../src/http/read-body';
import {
  clock,
  errorCode,
  fakeRp,
  handlersFor,
  Jar,
  loginWith,
  ORIGIN,
  resultFor,
  setCookies,
  T0,
} from './support';

const DAY = 24 * 3600_000;

/** A body stream of `total` bytes that counts how much was pulled from it. */
function countingBody(total: number) {
  const chunk = new Uint8Array(16 * 1024).fill(0x61);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= total) return controller.close();
        counter.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  ); // no prefetch: `pulled` counts only what a reader asked for
  return { stream, counter };
}

describe('readRequestBody (shared bounded reader)', () => {
  it('refuses a declared content-length above the limit without reading', async () => {
    const { stream, counter } = countingBody(1024 * 1024);
    const request = new Request(`${ORIGIN}/x`, {
      method: 'POST',
      headers: { 'content-length': String(1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    const error = await readRequestBody(request, 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DinhDanhError);
    expect((error as DinhDanhError).code).toBe('input_invalid');
    expect(counter.pulled).toBe(0);
  });

  it('returns a body within the limit unchanged', async () => {
    const request = new Request(`${ORIGIN}/x`, { method: 'POST', body: 'hello' });
    expect(new TextDecoder().decode(await readRequestBody(request, 5))).toBe('hello');
  });
});

describe('logout reads a form body (CSRF token) only up to its limit', () => {
  it('refuses a huge form body with input_invalid after reading at most 64 KiB + a chunk', async () => {
    clock.now = T0;
    const auth = handlersFor(fakeRp());
    const jar = new Jar();
    await loginWith(auth, jar);
    const { stream, counter } = countingBody(32 * 1024 * 1024);
    const response = await auth.logout(
      jar.request(`${ORIGIN}/auth/logout`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(await errorCode(response)).toBe('input_invalid');
    expect(counter.pulled).toBeLessThanOrEqual(128 * 1024);
    const me = (await (await auth.me(jar.request(`${ORIGIN}/auth/me`))).json()) as MeResponse;
    expect(me.status).toBe('authenticated');
  });
});

describe('back-channel logout and QR start stop reading bodies past their limits', () => {
  it('back-channel logout: 400 after reading at most 64 KiB + a chunk of a 32 MiB body', async () => {
    const auth = handlersFor(fakeRp());
    const { stream, counter } = countingBody(32 * 1024 * 1024); // no content-length
    const response = await auth.backchannelLogout(
      new Request(`${ORIGIN}/auth/backchannel-logout`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(400);
    expect(counter.pulled).toBeLessThanOrEqual(128 * 1024);
  });

  it('QR start: refused after reading at most 16 KiB + a chunk of a cross-site body', async () => {
    const auth = handlersFor(fakeRp());
    const { stream, counter } = countingBody(32 * 1024 * 1024);
    const response = await auth.qrStart(
      new Request(`${ORIGIN}/auth/qr/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('cookie-mode sessions never outlive the back-channel revocation mark', () => {
  it('caps a 90-day provider session at 31 days when maxAge is not set', async () => {
    clock.now = T0;
    const rp = fakeRp();
    rp.nextResult = { ...resultFor(), session: { expiresAt: T0 + 90 * DAY } };
    const auth = handlersFor(rp, {
      sessions: { store: memoryStore({ now: () => clock.now }), storage: 'cookie' },
    });
    const jar = new Jar();
    const callback = await loginWith(auth, jar);
    const session = setCookies(callback).filter((c) => c.name.includes('session') && c.maxAge);
    expect(session.length).toBeGreaterThan(0);
    for (const cookie of session) expect(cookie.maxAge).toBeLessThanOrEqual(31 * 86400);
  });
});
