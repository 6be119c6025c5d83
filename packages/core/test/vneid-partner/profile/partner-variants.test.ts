/**
 * Every form a dialect-5 provider may answer in (issue 17 part 1), each combination against
 * the in-test provider: how each answer is read (`auto` default, `sealed`, `plain`) × whether
 * the provider sealed it; the code's AES mode apart from the bodies'; the level as a number
 * or a string; the birthdate as dd/MM/yyyy or ISO; `+` in the code and in `encrypt_key`.
 */
import { describe, expect, it } from 'vitest';
import type { AesMode, EnvelopeSetting } from '@dinhdanh/core/vneid-partner';
import { ENVELOPE_INVALID_MESSAGE } from '@dinhdanh/core/vneid-partner';
import { CITIZEN } from './provider.fixture';
import { failure, setup } from './support';

const MODES: AesMode[] = ['ecb', 'cbc'];
const SETTINGS: (EnvelopeSetting | undefined)[] = [undefined, 'auto', 'sealed', 'plain'];

/** What reading an answer gives: ok, or the code of the refusal. */
function expected(setting: EnvelopeSetting | undefined, sealed: boolean): string {
  if (setting === 'sealed' && !sealed) return 'envelope_invalid';
  if (setting === 'plain' && sealed) return 'provider_response_invalid';
  return 'ok';
}

async function login(
  switches: Parameters<typeof setup>[0],
  profile: Parameters<typeof setup>[1],
): Promise<string> {
  const { rp, provider } = setup(switches, profile);
  const { url, transaction } = await rp.startLogin({ level: 2, claims: ['name', 'birthdate'] });
  const { callback } = await provider.authorize(url);
  try {
    const result = await rp.finishLogin(callback, transaction);
    expect(result.identity.subject).toBe(CITIZEN.citizenPid);
    return 'ok';
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    if (code === 'envelope_invalid')
      expect((error as Error).message).toBe(ENVELOPE_INVALID_MESSAGE);
    expect((error as Error).message).not.toContain(CITIZEN.citizenPid);
    return code;
  }
}

describe('how each answer is read: auto (default) / sealed / plain × sealed or plain answer', () => {
  for (const mode of MODES)
    for (const token of SETTINGS)
      for (const userinfo of SETTINGS)
        for (const tokenSealed of [true, false])
          for (const userinfoSealed of [true, false]) {
            const want =
              expected(token, tokenSealed) !== 'ok'
                ? expected(token, tokenSealed)
                : expected(userinfo, userinfoSealed);
            it(`${mode}: token ${String(token)} (${tokenSealed ? 'sealed' : 'plain'}), userinfo ${String(userinfo)} (${userinfoSealed ? 'sealed' : 'plain'}) → ${want}`, async () => {
              const envelope = {
                ...(token === undefined ? {} : { token }),
                ...(userinfo === undefined ? {} : { userinfo }),
              };
              const got = await login(
                { mode, envelopeToken: tokenSealed, envelopeUserinfo: userinfoSealed },
                { envelope },
              );
              expect(got).toBe(want);
            });
          }

  it('auto opens whatever has string data and key, with no fallback: a broken envelope is envelope_invalid', async () => {
    const { rp, provider } = setup(
      { userinfo: { data: 'AAAA', key: 'AAAA' }, envelopeUserinfo: false },
      { envelope: {} },
    );
    const { url, transaction } = await rp.startLogin({ level: 2 });
    const { callback } = await provider.authorize(url);
    const error = await failure(rp.finishLogin(callback, transaction));
    expect(error.code).toBe('envelope_invalid');
  });

  it('auto reads an object whose data or key is not a string as plain (and plain refuses only the envelope shape)', async () => {
    for (const envelope of [{}, { userinfo: 'plain' as const }]) {
      const got = await login(
        { userinfo: { ...CITIZEN, data: 1, key: 'x' }, envelopeUserinfo: false },
        { envelope },
      );
      expect(got).toBe('ok');
    }
  });

  it('the booleans of earlier versions still mean sealed (true) and plain (false)', async () => {
    expect(await login({ envelopeToken: false }, { envelope: { token: true } })).toBe(
      'envelope_invalid',
    );
    expect(await login({ envelopeUserinfo: true }, { envelope: { userinfo: false } })).toBe(
      'provider_response_invalid',
    );
  });

  it('refuses an unknown setting with config_invalid', () => {
    expect(() => setup({}, { envelope: { token: 'maybe' as 'auto' } })).toThrow(
      expect.objectContaining({ code: 'config_invalid', path: 'envelope.token' }),
    );
  });
});

describe("the encrypted code's AES mode, decided apart from the bodies'", () => {
  for (const bodyMode of MODES)
    for (const codeMode of MODES)
      for (const setting of [undefined, 'auto', 'ecb', 'cbc'] as const) {
        const want =
          setting === undefined || setting === 'auto' || setting === codeMode
            ? 'ok'
            : 'envelope_invalid';
        it(`bodies ${bodyMode}, code ${codeMode}, codeAesMode ${String(setting)} → ${want}`, async () => {
          const got = await login(
            { mode: bodyMode, codeMode, encryptCode: true },
            setting === undefined ? {} : { codeAesMode: setting },
          );
          expect(got).toBe(want);
        });
      }

  it('refuses an unknown code mode with config_invalid', () => {
    expect(() => setup({}, { codeAesMode: 'gcm' as 'ecb' })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });
});

describe('value forms the provider may use', () => {
  const forms = [
    { level: 2, birthDate: '01/01/1999' },
    { level: '2', birthDate: '01/01/1999' },
    { level: 2, birthDate: '1999-01-01' },
    { level: '2', birthDate: '1999-01-01' },
  ];
  for (const form of forms)
    it(`accountLevel ${JSON.stringify(form.level)}, birthDate ${form.birthDate}`, async () => {
      const { rp, provider } = setup({
        userinfo: { ...CITIZEN, accountLevel: form.level, birthDate: form.birthDate },
        encryptCode: true,
      });
      const { url, transaction } = await rp.startLogin({ level: 2, claims: ['birthdate'] });
      const { callback, code, encryptKey } = await provider.authorize(url);
      const result = await rp.finishLogin(callback, transaction);
      expect(result.identity.level).toBe(2);
      expect(result.identity.attributes.birthdate).toBe('1999-01-01');
      expect(code).toContain('+');
      expect(encryptKey).toBeDefined();
    });

  it('a `+` in encrypt_key is data (read from the raw query, never a space)', async () => {
    for (let i = 0; i < 16; i++) {
      const { rp, provider } = setup({ encryptCode: true });
      const { url, transaction } = await rp.startLogin({ level: 2 });
      const { callback, encryptKey } = await provider.authorize(url);
      if (!encryptKey?.includes('+')) continue;
      await rp.finishLogin(callback, transaction);
      expect(provider.tokenForms[0]?.get('encrypt_key')).toBe(encryptKey);
      return;
    }
    throw new Error('no encrypt_key with a + in 16 draws');
  });
});
