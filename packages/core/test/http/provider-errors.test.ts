import { describe, expect, it } from 'vitest';
import { codeOf } from '../support/errors';
import { fakeIssuer } from '../support/fake-issuer';

describe('provider errors in the callback keep their code', () => {
  it.each([
    ['access_denied', 'access_denied'],
    ['login_required', 'login_required'],
    ['consent_required', 'consent_required'],
    ['interaction_required', 'interaction_required'],
    ['unmet_authentication_requirements', 'unmet_authentication_requirements'],
    ['temporarily_unavailable', 'temporarily_unavailable'],
    ['something_new', 'provider_error'],
  ])('%s → %s', async (error, code) => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    const { transaction } = await rp.startLogin();
    const callback = `https://tax.example/callback?state=${transaction.state}&error=${error}&error_description=${encodeURIComponent('<b>bad</b> token=abc')}`;
    expect(await codeOf(rp.finishLogin(callback, transaction))).toBe(code);
  });

  it('does not trust an error whose state is wrong', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    const { transaction } = await rp.startLogin();
    expect(
      await codeOf(
        rp.finishLogin('https://tax.example/callback?state=x&error=access_denied', transaction),
      ),
    ).toBe('state_mismatch');
  });
});
