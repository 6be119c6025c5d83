// Codes the other suites do not provoke, provoked here through the public API.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuthHandlers } from '@dinhdanh/core';
import { login, rpOf } from './cases';
import { startHostileProvider, type HostileProvider } from './provider';

const APP = 'http://127.0.0.1';
const SECRET = 'a-sealing-secret-for-tests-only-0123456789';

let hp: HostileProvider;
beforeEach(async () => {
  hp = await startHostileProvider();
});
afterEach(async () => {
  await hp.close();
});

describe('provider error codes in the callback are passed through', () => {
  it.each(['account_selection_required', 'unauthorized_client', 'invalid_scope'])(
    '%s',
    async (error) => {
      const failure = await login(hp, {
        tamper: (q) => {
          q.delete('code');
          q.set('error', error);
        },
      }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: error, path: 'error' });
    },
  );
});

describe('QR login through the handlers', () => {
  it('a poll after the QR code expired is qr_expired', async () => {
    const clock = { now: Date.now() };
    const auth = createAuthHandlers(rpOf(hp, { now: () => clock.now }), {
      secrets: SECRET,
      now: () => clock.now,
    });
    const start = await auth.handle(
      new Request(`${APP}/auth/qr/start`, {
        method: 'POST',
        headers: { 'sec-fetch-site': 'same-origin' },
      }),
    );
    expect(start.status).toBe(200);
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    clock.now += 3600 * 1000;
    const poll = await auth.handle(new Request(`${APP}/auth/qr/poll`, { headers: { cookie } }));
    expect(((await poll.json()) as { error: { code: string } }).error.code).toBe('qr_expired');
  });
});
