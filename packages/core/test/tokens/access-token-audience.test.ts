import { describe, expect, it } from 'vitest';
import { fakeIssuer } from '../support/fake-issuer';

/** An access token for another API, and a relying party that trusts its issuer. */
async function setup() {
  const idp = await fakeIssuer();
  const token = await idp.sign(
    {
      sub: 's',
      client_id: 'other-client',
      jti: 'j1',
      scope: 'x',
      aud: 'https://another-api.example',
    },
    { typ: 'at+jwt' },
  );
  return { rp: idp.rp(), token };
}

describe('verifyAccessToken audience', () => {
  it('refuses a token for another API when audience is an empty string', async () => {
    const { rp, token } = await setup();
    await expect(rp.verifyAccessToken(token, { audience: '' })).rejects.toMatchObject({
      code: 'config_invalid',
    });
  });
  it('refuses a token for another API when audience is missing at runtime (JS caller)', async () => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, {} as unknown as { audience: string }),
    ).rejects.toMatchObject({ code: 'config_invalid' });
  });
  it.each([
    ['an empty list', []],
    ['a list with an empty name', ['']],
    ['a number', 42],
  ])('refuses %s as audience with config_invalid', async (_label, audience) => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, { audience } as unknown as { audience: string }),
    ).rejects.toMatchObject({ code: 'config_invalid' });
  });
  it('still refuses a token for another API with audience_mismatch when audience is set', async () => {
    const { rp, token } = await setup();
    await expect(
      rp.verifyAccessToken(token, { audience: 'https://tax-api.example' }),
    ).rejects.toMatchObject({ code: 'audience_mismatch' });
  });
});
