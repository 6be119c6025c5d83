// Back-channel logout verification on its own: issuer, client id and a replay cache, no
// redirect URI or client credentials.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogoutTokenVerifier, isDinhDanhError, memoryReplayCache } from '@dinhdanh/core';
import { CLIENT_ID, startHostileProvider, type HostileProvider } from './provider';

const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };

let hp: HostileProvider;
beforeEach(async () => {
  hp = await startHostileProvider();
});
afterEach(async () => {
  await hp.close();
});

async function failure(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (isDinhDanhError(error)) return { code: error.code, path: error.path };
    throw error;
  }
  throw new Error('expected a DinhDanhError, got success');
}

const logoutToken = (claims: Record<string, unknown> = {}) =>
  hp.sign({ events: EVENT, sid: 'session-1', jti: 'logout-1', ...claims }, { typ: 'logout+jwt' });

describe('createLogoutTokenVerifier', () => {
  it('verifies a logout token once, then refuses it as replayed', async () => {
    const logout = createLogoutTokenVerifier({ issuer: hp.issuer, clientId: CLIENT_ID });
    const token = await logoutToken();
    expect(await logout.verify(token)).toEqual({ sub: 'citizen-1', sid: 'session-1' });
    expect(await failure(logout.verify(token))).toEqual({
      code: 'logout_token_replayed',
      path: 'jti',
    });
  });

  it('shares the replay cache it is given', async () => {
    const replayCache = memoryReplayCache();
    const token = await logoutToken({ jti: 'logout-2' });
    await createLogoutTokenVerifier({ issuer: hp.issuer, clientId: CLIENT_ID, replayCache }).verify(
      token,
    );
    const other = createLogoutTokenVerifier({
      issuer: hp.issuer,
      clientId: CLIENT_ID,
      replayCache,
    });
    expect((await failure(other.verify(token))).code).toBe('logout_token_replayed');
  });

  it.each([
    [{ aud: 'other-client' }, 'aud'],
    [{ iss: 'https://evil.example' }, 'iss'],
    [{ events: undefined }, 'events'],
    [{ nonce: 'n' }, 'nonce'],
    [{ jti: undefined }, 'jti'],
  ])('refuses %o as logout_token_invalid at %s', async (claims, path) => {
    const logout = createLogoutTokenVerifier({ issuer: hp.issuer, clientId: CLIENT_ID });
    expect(await failure(logout.verify(await logoutToken(claims)))).toEqual({
      code: 'logout_token_invalid',
      path,
    });
  });

  it('refuses a configuration without clientId', () => {
    try {
      createLogoutTokenVerifier({ issuer: hp.issuer } as never);
      expect.unreachable();
    } catch (error) {
      expect(isDinhDanhError(error, 'config_invalid') && error.path).toBe('clientId');
    }
  });
});
