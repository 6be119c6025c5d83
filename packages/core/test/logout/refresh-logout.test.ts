import { importJWK, SignJWT, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryReplayCache } from '@dinhdanh/core';
import { codeOf } from '../support/errors';
import { browse, CLIENT_ID, POST_LOGOUT_URI, startOp, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
  return () => op.close();
});

describe('refresh', () => {
  it('rotates the refresh token; the old one is refused', async () => {
    const rp = rpFor(op);
    op.next = { acr: 'urn:dinhdanh:loa:2' };
    const { url, transaction } = await rp.startLogin();
    const { tokens } = await rp.finishLogin(await browse(url), transaction);
    const next = await rp.refresh(tokens);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.refreshToken).toBeTypeOf('string');
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    expect(next.idToken).toBeTypeOf('string');
    expect(await codeOf(rp.refresh(tokens))).toBe('invalid_grant');
  });

  it('input_invalid without a refresh token', async () => {
    const rp = rpFor(op);
    expect(await codeOf(rp.refresh({ accessToken: 'x', tokenType: 'Bearer' }))).toBe(
      'input_invalid',
    );
  });
});

describe('logout', () => {
  it('builds the RP-initiated logout URL', async () => {
    const rp = rpFor(op);
    const url = new URL(await rp.logoutUrl({ idTokenHint: 'id.token.hint', state: 's1' }));
    expect(url.origin + url.pathname).toBe(`${op.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toBe('id.token.hint');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(POST_LOGOUT_URI);
    expect(url.searchParams.get('state')).toBe('s1');
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
  });

  const EVENT = { 'http://schemas.openid.net/event/backchannel-logout': {} };
  async function logoutToken(claims: JWTPayload, typ = 'logout+jwt'): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: op.issuer,
      aud: CLIENT_ID,
      iat: now,
      exp: now + 120,
      jti: crypto.randomUUID(),
      events: EVENT,
      ...claims,
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'op-key-1', typ })
      .sign(await importJWK(op.signingKey, 'ES256'));
  }

  it('verifies a back-channel logout token once, then refuses the replay', async () => {
    const rp = rpFor(op, { replayCache: memoryReplayCache() });
    const jwt = await logoutToken({ sub: 'citizen-1', sid: 'sid-1' });
    expect(await rp.verifyLogoutToken(jwt)).toEqual({ sub: 'citizen-1', sid: 'sid-1' });
    expect(await codeOf(rp.verifyLogoutToken(jwt))).toBe('logout_token_replayed');
  });

  it('accepts a token with only sid', async () => {
    const rp = rpFor(op);
    expect(await rp.verifyLogoutToken(await logoutToken({ sid: 'sid-2' }))).toEqual({
      sid: 'sid-2',
    });
  });

  it.each([
    ['a nonce', { sub: 'a', nonce: 'n' }],
    ['no events', { sub: 'a', events: undefined }],
    ['the wrong event', { sub: 'a', events: { 'urn:other': {} } }],
    ['neither sub nor sid', {}],
    ['another audience', { sub: 'a', aud: 'someone-else' }],
    ['another issuer', { sub: 'a', iss: 'https://evil.example' }],
    ['no jti', { sub: 'a', jti: undefined }],
    ['an expiry in the past', { sub: 'a', exp: Math.floor(Date.now() / 1000) - 3600 }],
  ])('logout_token_invalid for %s', async (_name, claims) => {
    const rp = rpFor(op);
    expect(await codeOf(rp.verifyLogoutToken(await logoutToken(claims as JWTPayload)))).toBe(
      'logout_token_invalid',
    );
  });

  it('logout_token_invalid for an ID token (typ) or garbage', async () => {
    const rp = rpFor(op);
    expect(await codeOf(rp.verifyLogoutToken(await logoutToken({ sub: 'a' }, 'at+jwt')))).toBe(
      'logout_token_invalid',
    );
    expect(await codeOf(rp.verifyLogoutToken('not-a-jwt'))).toBe('logout_token_invalid');
  });
});
