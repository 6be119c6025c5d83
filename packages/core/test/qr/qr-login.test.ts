import { beforeAll, describe, expect, it } from 'vitest';
import type { QrLoginHandle } from '@dinhdanh/core';
import { codeOf } from '../support/errors';
import { jsonResponse } from '../support/intercept';
import { approveDevice, startOp, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
  return () => op.close();
});

describe('cross-device QR login over the device authorization grant', () => {
  it('is pending, then approved with a LoginResult', async () => {
    const rp = rpFor(op);
    const start = await rp.startQrLogin({ level: 2, claims: ['name', 'pid'] });
    expect(start.qrUri).toContain('user_code=');
    expect(start.userCode).toBeTypeOf('string');
    expect(start.expiresAt).toBeGreaterThan(Date.now());
    expect(start.handle.transport).toBe('device_code');
    expect(await rp.pollQrLogin(start.handle)).toEqual({ status: 'pending' });
    await approveDevice(op, start.userCode ?? '', { acr: 'urn:dinhdanh:loa:2' });
    const polled = await rp.pollQrLogin(start.handle);
    expect(polled.status).toBe('approved');
    if (polled.status !== 'approved') return;
    expect(polled.result.identity.level).toBe(2);
    expect(polled.result.identity.attributes.pid).toBe('001085123456');
    expect(polled.result.consent.requested).toEqual(['name', 'pid']);
  });

  it('passes on slow_down with a longer interval (RFC 8628 §3.5)', async () => {
    // oidc-provider 9 never answers slow_down, so the test plays a provider that does.
    const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = new URL(input instanceof Request ? input.url : input);
      if (url.pathname === '/token') {
        return jsonResponse({ error: 'slow_down' }, 400);
      }
      return globalThis.fetch(input, init);
    };
    const rp = rpFor(op, { fetch });
    const start = await rp.startQrLogin();
    expect(await rp.pollQrLogin(start.handle)).toEqual({
      status: 'slow_down',
      interval: start.interval + 5,
    });
  });

  it('reports denied when the citizen declines', async () => {
    const rp = rpFor(op);
    const start = await rp.startQrLogin();
    await approveDevice(op, start.userCode ?? '', { deny: true });
    expect(await rp.pollQrLogin(start.handle)).toEqual({ status: 'denied' });
  });

  it('reports expired after expiresAt without asking the provider', async () => {
    const rp = rpFor(op);
    const start = await rp.startQrLogin();
    const later = rpFor(op, { now: () => start.expiresAt + 1 });
    expect(await later.pollQrLogin(start.handle)).toEqual({ status: 'expired' });
  });

  it('refuses an approval below the requested level', async () => {
    const rp = rpFor(op);
    const start = await rp.startQrLogin({ level: 2 });
    await approveDevice(op, start.userCode ?? '', { acr: 'urn:dinhdanh:loa:1' });
    expect(await codeOf(rp.pollQrLogin(start.handle))).toBe('insufficient_level');
  });

  it('qr_invalid for a tampered handle; purpose_required for sensitive claims', async () => {
    const rp = rpFor(op);
    expect(await codeOf(rp.pollQrLogin({ v: 1 } as unknown as QrLoginHandle))).toBe('qr_invalid');
    expect(await codeOf(rp.startQrLogin({ claims: ['healthInsurance'] }))).toBe('purpose_required');
  });
});
