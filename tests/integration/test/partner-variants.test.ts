/**
 * Every form of issue 17 part 1, each combination, against OUR mock over HTTP (startMockIdp
 * on 127.0.0.1:0): the mock answers plain or sealed per login (faults `partner_*_plain` /
 * `partner_*_sealed`), encrypts codes in their own AES mode (`codeAesMode`) with a `+`, and
 * sends the level as a string and the birthdate as ISO on request; core reads each answer
 * as configured (`auto` default, `sealed`, `plain`) and decides the code's mode itself.
 */
import { createRelyingParty, type RelyingParty } from '@dinhdanh/core';
import {
  ENVELOPE_INVALID_MESSAGE,
  vneidPartner,
  type AesMode,
  type EnvelopeSetting,
  type VneidPartnerOptions,
} from '@dinhdanh/core/vneid-partner';
import { startMockIdp, type FaultName, type RunningMockIdp } from '@dinhdanh/mock-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AN, RP_KEYS, rawParam } from './partner-support';
import { headlessCallback, mockClient, REDIRECT, SECRET } from './support';

const MODES: readonly AesMode[] = ['ecb', 'cbc'];
const clientId = (body: AesMode, code: AesMode): string => `variants-${body}-code-${code}`;

let mock: RunningMockIdp;

beforeAll(async () => {
  mock = await startMockIdp({
    port: 0,
    host: '127.0.0.1',
    autoApprove: true,
    clients: MODES.flatMap((aesMode) =>
      MODES.map((codeAesMode) =>
        mockClient(clientId(aesMode, codeAesMode), {
          dialect: 'vneid-partner',
          authMethods: ['client_secret_post'],
          partner: {
            publicKey: RP_KEYS.publicKey,
            envelope: 'both',
            aesMode,
            codeAesMode,
            encryptCode: true,
            codeWithPlus: true,
          },
        }),
      ),
    ),
  });
});

afterAll(async () => {
  await mock.close();
});

function rp(
  body: AesMode,
  code: AesMode,
  options: Partial<VneidPartnerOptions> = {},
): RelyingParty {
  return createRelyingParty({
    issuer: mock.issuer,
    clientId: clientId(body, code),
    redirectUri: REDIRECT,
    clientAuth: { method: 'client_secret_post', clientSecret: SECRET },
    provider: vneidPartner({ privateKey: RP_KEYS.privateKey, aesMode: body, ...options }),
  });
}

/** One login with these faults armed (the mock's control API); 'ok' or the error code. */
async function login(
  party: RelyingParty,
  faults: readonly FaultName[],
): Promise<{ outcome: string; callback: string }> {
  mock.idp.setFaults(faults.map((name) => ({ name })));
  const { url, transaction } = await headlessCallback(party, AN.persona, (r) => fetch(r), {
    level: 2,
    claims: ['name', 'birthdate'],
  });
  try {
    const result = await party.finishLogin(url, transaction);
    expect(result.identity).toMatchObject({ subject: AN.pid, level: 2 });
    expect(result.identity.attributes.birthdate).toBe(AN.birthdate);
    return { outcome: 'ok', callback: url };
  } catch (error) {
    const e = error as Error & { code?: string };
    if (e.code === 'envelope_invalid') expect(e.message).toBe(ENVELOPE_INVALID_MESSAGE);
    expect(e.message).not.toContain(AN.pid);
    return { outcome: e.code ?? String(error), callback: url };
  } finally {
    mock.idp.clearFaults();
  }
}

const forms = (token: boolean, userinfo: boolean): FaultName[] => [
  token ? 'partner_token_sealed' : 'partner_token_plain',
  userinfo ? 'partner_userinfo_sealed' : 'partner_userinfo_plain',
];

describe('auto (default): plain or sealed per login, code in its own mode, + in code and key', () => {
  for (const body of MODES)
    for (const code of MODES)
      for (const tokenSealed of [true, false])
        for (const userinfoSealed of [true, false])
          for (const alternate of [false, true])
            it(`bodies ${body}, code ${code}, token ${tokenSealed ? 'sealed' : 'plain'}, userinfo ${userinfoSealed ? 'sealed' : 'plain'}${alternate ? ', level "2" + ISO birthdate' : ''}`, async () => {
              const faults = forms(tokenSealed, userinfoSealed);
              if (alternate) faults.push('partner_userinfo_alternate_forms');
              const { outcome, callback } = await login(rp(body, code), faults);
              expect(outcome).toBe('ok');
              expect(rawParam(callback, 'code')).toContain('+');
              expect(rawParam(callback, 'encrypt_key')).toBeDefined();
            });
});

describe('explicit settings: sealed refuses plain, plain refuses sealed', () => {
  const SETTINGS: readonly EnvelopeSetting[] = ['auto', 'sealed', 'plain'];
  const want = (setting: EnvelopeSetting, sealed: boolean): string =>
    setting === 'sealed' && !sealed
      ? 'envelope_invalid'
      : setting === 'plain' && sealed
        ? 'provider_response_invalid'
        : 'ok';
  for (const token of SETTINGS)
    for (const userinfo of SETTINGS)
      for (const tokenSealed of [true, false])
        for (const userinfoSealed of [true, false]) {
          const expected =
            want(token, tokenSealed) === 'ok'
              ? want(userinfo, userinfoSealed)
              : want(token, tokenSealed);
          it(`token ${token} (${tokenSealed ? 'sealed' : 'plain'}), userinfo ${userinfo} (${userinfoSealed ? 'sealed' : 'plain'}) → ${expected}`, async () => {
            const party = rp('cbc', 'ecb', { envelope: { token, userinfo } });
            expect((await login(party, forms(tokenSealed, userinfoSealed))).outcome).toBe(expected);
          });
        }
});

describe("the code's mode: given (must match) or detected", () => {
  for (const body of MODES)
    for (const code of MODES)
      for (const setting of ['auto', 'ecb', 'cbc'] as const) {
        const expected = setting === 'auto' || setting === code ? 'ok' : 'envelope_invalid';
        it(`bodies ${body}, code ${code}, codeAesMode ${setting} → ${expected}`, async () => {
          expect((await login(rp(body, code, { codeAesMode: setting }), [])).outcome).toBe(
            expected,
          );
        });
      }
});
