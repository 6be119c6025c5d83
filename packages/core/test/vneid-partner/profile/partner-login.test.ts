import { describe, expect, it } from 'vitest';
import type { AesMode } from '@dinhdanh/core/vneid-partner';
import { CITIZEN } from './provider.fixture';
import { failure, pair, setup } from './support';

const MODES: AesMode[] = ['ecb', 'cbc'];
const FLAGS = [true, false];

describe('partner login against a dialect-5 provider', () => {
  for (const mode of MODES)
    for (const envelopeToken of FLAGS)
      for (const envelopeUserinfo of FLAGS)
        for (const encryptCode of FLAGS) {
          it(`logs in (${mode}, token envelope ${envelopeToken}, userinfo envelope ${envelopeUserinfo}, encrypted code ${encryptCode})`, async () => {
            const { rp, provider } = setup({ mode, envelopeToken, envelopeUserinfo, encryptCode });
            const { url, transaction } = await rp.startLogin({
              level: 2,
              attributes: ['name', 'pid'],
            });
            const { callback, code, encryptKey } = await provider.authorize(url);
            if (encryptCode) {
              expect(encryptKey).toBeDefined();
              expect(code).toContain('+');
            }
            const result = await rp.finishLogin(callback, transaction);

            expect(result.source).toBe('userinfo');
            expect(result.idTokenClaims).toEqual({});
            expect(result.identity.level).toBe(2);
            expect(result.identity.subject).toBe(CITIZEN.citizenPid);
            expect(result.identity.attributes.pid).toBe(CITIZEN.citizenPid);
            expect(result.tokens.accessToken).toBe(provider.accessToken);
            expect(result.tokens.idToken).toBeUndefined();
            expect(result.consent.requested).toEqual(['name', 'pid']);
            expect(result.consent.granted).toEqual(['pid', 'name']);
            // the provider's userinfo also carries the birth date: not asked for, dropped
            expect(result.identity.attributes.birthdate).toBeUndefined();

            // The provider verified secret-in-body, PKCE, plain code and encrypt_key.
            const form = provider.tokenForms[0];
            expect(form?.get('client_secret')).toBeTruthy();
            expect(form?.get('code')).toBe(provider.issued?.plainCode);
            expect(form?.get('encrypt_key')).toBe(encryptKey ?? null);
          });
        }

  it('a transaction completes once: a replayed callback is transaction_invalid before any decryption', async () => {
    const { rp, provider } = setup({ encryptCode: true });
    const { url, transaction } = await rp.startLogin({
      level: 2,
      attributes: ['name', 'pid'],
    });
    const { callback } = await provider.authorize(url);
    await rp.finishLogin(callback, transaction);
    expect((await failure(rp.finishLogin(callback, transaction))).code).toBe('transaction_invalid');
    // Another encrypt_key with the same transaction is refused the same way.
    const other = callback.replace(/encrypt_key=[^&]+/, 'encrypt_key=AAAA');
    expect((await failure(rp.finishLogin(other, transaction))).code).toBe('transaction_invalid');
    expect(provider.tokenForms).toHaveLength(1);
  });

  it('still sends state, nonce and PKCE S256 in the authorization request', async () => {
    const { rp, provider } = setup();
    const { url, transaction } = await rp.startLogin();
    await provider.authorize(url);
    const params = provider.authParams;
    expect(params?.get('state')).toBe(transaction.state);
    expect(params?.get('nonce')).toBe(transaction.nonce);
    expect(params?.get('code_challenge_method')).toBe('S256');
    expect(params?.get('response_type')).toBe('code');
    expect(params?.get('scope')).toContain('openid');
  });

  it("keeps '+' in a plain code read from the raw query", async () => {
    const { rp, provider } = setup({ code: 'Zm9v+YmFy+/cXV4==' });
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    expect(callback).toContain('code=Zm9v+YmFy+/cXV4==');
    await rp.finishLogin(callback, transaction);
    expect(provider.tokenForms[0]?.get('code')).toBe('Zm9v+YmFy+/cXV4==');
  });

  it('accepts the key as PKCS#1 PEM and as JWK', async () => {
    for (const privateKey of [pair.pkcs1, pair.privateJwk]) {
      const { rp, provider } = setup({ encryptCode: true }, { privateKey });
      const { url, transaction } = await rp.startLogin();
      const { callback } = await provider.authorize(url);
      const result = await rp.finishLogin(callback, transaction);
      expect(result.identity.subject).toBe(CITIZEN.citizenPid);
    }
  });

  it('works against a local http issuer (development)', async () => {
    const { rp, provider } = setup({}, {}, {}, 'http://127.0.0.1:8765');
    const { url, transaction } = await rp.startLogin();
    const { callback } = await provider.authorize(url);
    const result = await rp.finishLogin(callback, transaction);
    expect(result.source).toBe('userinfo');
  });
});
