import { describe, expect, it } from 'vitest';
import { createAuthHandlers, type MeResponse } from '@dinhdanh/core';
import { Jar } from '../../handlers/support';
import { CITIZEN } from './provider.fixture';
import { setup } from './support';

const SECRET = 'partner-handlers-secret-0123456789-abcdef';

describe('partner profile through createAuthHandlers', () => {
  it('logs in with an encrypted code carrying + and shows the session in /me', async () => {
    const { rp, provider } = setup({ encryptCode: true, mode: 'cbc' }, { aesMode: 'cbc' });
    const auth = createAuthHandlers(rp, {
      secrets: SECRET,
      requests: { default: { claims: ['name'] } },
    });
    const jar = new Jar();
    const start = await auth.handle(jar.request('https://bank.example.vn/auth/login'));
    jar.apply(start);
    const location = start.headers.get('location');
    expect(location).toBeTruthy();
    const { callback, code } = await provider.authorize(location ?? '');
    expect(code).toContain('+');
    const done = await auth.handle(jar.request(callback));
    jar.apply(done);
    expect(done.status).toBeGreaterThanOrEqual(300);
    expect(done.status).toBeLessThan(400);
    const me = (await (
      await auth.handle(jar.request('https://bank.example.vn/auth/me'))
    ).json()) as MeResponse;
    expect(me.status).toBe('authenticated');
    expect(JSON.stringify(me)).not.toContain(provider.accessToken);
    expect(provider.tokenForms[0]?.get('code')).toBe(provider.issued?.plainCode);
    expect(JSON.stringify(me)).toContain(CITIZEN.fullName);
    // asked for the name only: the ID number the provider also sent never reaches the session
    expect(JSON.stringify(me)).not.toContain(CITIZEN.citizenPid);
  });
});
