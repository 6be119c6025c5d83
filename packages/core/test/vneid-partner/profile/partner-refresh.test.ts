/**
 * `rp.refresh` with the partner profile against the in-test dialect-5 provider, for the
 * answers the mock provider never gives: an ID token beside the tokens, no refresh token,
 * a broken token endpoint. (End to end against the mock: tests/integration partner-refresh.)
 */
import { describe, expect, it } from 'vitest';
import type { TokenSet } from '@dinhdanh/core';
import { ENVELOPE_INVALID_MESSAGE, sealEnvelope } from '@dinhdanh/core/vneid-partner';
import { CLIENT_ID, CLIENT_SECRET, ISSUER } from './provider.fixture';
import { failure, pair, setup } from './support';

const OLD: TokenSet = {
  accessToken: 'at-old-0123456789abcdef',
  tokenType: 'Bearer',
  refreshToken: 'rt-old-0123456789abcdef',
  expiresAt: 1,
};

/** A relying party whose provider answers refresh requests with `answer` (and records them). */
function withRefreshAnswer(answer: () => Response | Promise<Response>, envelopeToken = true) {
  const forms: URLSearchParams[] = [];
  const { rp, provider } = setup(
    { envelopeToken },
    {},
    {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (new URL(request.url).pathname === '/token') {
          forms.push(new URLSearchParams(await request.text()));
          return answer();
        }
        return provider.fetch(request);
      },
    },
  );
  return { rp, forms };
}

const sealed = async (body: object) =>
  Response.json(await sealEnvelope(body, { publicKey: pair.spki, mode: 'ecb' }));

describe('partner refresh: token set semantics', () => {
  it('a new refresh token replaces the old; an id_token sent anyway is dropped, the previous one kept', async () => {
    const { rp, forms } = withRefreshAnswer(() =>
      sealed({
        access_token: 'at-new-0123456789abcdef',
        token_type: 'Bearer',
        expires_in: 60,
        refresh_token: 'rt-new-0123456789abcdef',
        id_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJzb21lb25lLWVsc2UifQ.',
        scope: 'openid',
      }),
    );
    const next = await rp.refresh({ ...OLD, idToken: 'previous-id-token' });
    expect(next).toMatchObject({
      accessToken: 'at-new-0123456789abcdef',
      tokenType: 'Bearer',
      refreshToken: 'rt-new-0123456789abcdef',
      idToken: 'previous-id-token',
      scope: 'openid',
    });
    expect(next.expiresAt).toBeGreaterThan(1);
    expect(Object.fromEntries(forms[0] ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: OLD.refreshToken,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });

  it('no refresh_token, no expires_in, no token_type in the answer: old refresh token kept, Bearer, no expiry', async () => {
    const { rp } = withRefreshAnswer(() => sealed({ access_token: 'at-new-0123456789abcdef' }));
    const next = await rp.refresh(OLD);
    expect(next).toEqual({
      accessToken: 'at-new-0123456789abcdef',
      tokenType: 'Bearer',
      refreshToken: OLD.refreshToken,
    });
  });
});

describe('partner refresh: failures', () => {
  it('a provider error keeps its code and never echoes the refresh token', async () => {
    const { rp } = withRefreshAnswer(() =>
      Response.json({ error: 'invalid_grant', error_description: 'revoked' }, { status: 400 }),
    );
    const error = await failure(rp.refresh(OLD));
    expect(error.code).toBe('invalid_grant');
    expect(error.text).not.toContain(OLD.refreshToken);
  });

  it('an HTTP 500 with a body is provider_response_invalid, the body not echoed', async () => {
    const { rp } = withRefreshAnswer(
      () => new Response(`stack trace with ${OLD.refreshToken}`, { status: 500 }),
    );
    const error = await failure(rp.refresh(OLD));
    expect(error.code).toBe('provider_response_invalid');
    expect(error.text).not.toContain(OLD.refreshToken);
  });

  it('an unreachable token endpoint is provider_unreachable', async () => {
    const { rp } = withRefreshAnswer(() => {
      throw new TypeError(`fetch failed for ${OLD.refreshToken}`);
    });
    const error = await failure(rp.refresh(OLD));
    expect(error.code).toBe('provider_unreachable');
    expect(error.text).not.toContain(OLD.refreshToken);
  });

  it('an envelope where a plain token body is configured is provider_response_invalid', async () => {
    const { rp } = withRefreshAnswer(
      () => sealed({ access_token: 'at-new-0123456789abcdef' }),
      false,
    );
    const error = await failure(rp.refresh(OLD));
    expect(error.code).toBe('provider_response_invalid');
    expect(error.text).not.toContain('at-new-0123456789abcdef');
  });

  it('a body that is not an envelope is envelope_invalid with the one message', async () => {
    const { rp } = withRefreshAnswer(() => new Response('not json at all'));
    const error = await failure(rp.refresh(OLD));
    expect(error.code).toBe('envelope_invalid');
    expect(error.text).toContain(ENVELOPE_INVALID_MESSAGE);
  });

  it('a token endpoint on another origin is refused before the refresh token is sent', async () => {
    const { rp, provider } = setup({
      metadata: { token_endpoint: 'https://elsewhere.example/token' },
    });
    expect((await failure(rp.refresh(OLD))).code).toBe('provider_response_invalid');
    expect(provider.requested).toEqual([`${ISSUER}/.well-known/openid-configuration`]);
  });
});
