/** Every vneid-partner fault yields a body that core's openEnvelope refuses with envelope_invalid. */
import { isDinhDanhError } from '@dinhdanh/core';
import { ENVELOPE_INVALID_MESSAGE, openEnvelope } from '@dinhdanh/core/vneid-partner';
import { describe, expect, it } from 'vitest';
import type { FaultName } from '../src/index';
import {
  authorize,
  partnerIdp,
  rawParam,
  rpKeys,
  tokenRequest,
  userinfoRequest,
} from './partner-fixtures';

const ENVELOPE_FAULTS: FaultName[] = [
  'partner_envelope_wrong_key',
  'partner_envelope_truncated_data',
  'partner_envelope_bad_padding',
  'partner_envelope_key_not_base64',
];

async function refusal(text: string, mode: 'ecb' | 'cbc', require: string[]): Promise<unknown> {
  const { privateKey } = await rpKeys();
  return openEnvelope(text, { privateKey, mode, require }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

function expectEnvelopeInvalid(error: unknown): void {
  expect(isDinhDanhError(error)).toBe(true);
  expect(error).toMatchObject({ code: 'envelope_invalid', message: ENVELOPE_INVALID_MESSAGE });
}

describe('vneid-partner faults', () => {
  for (const mode of ['ecb', 'cbc'] as const) {
    for (const fault of ENVELOPE_FAULTS) {
      it(`${fault} (${mode}) on the token response`, async () => {
        const idp = await partnerIdp({ aesMode: mode });
        idp.setFaults({ name: fault });
        const code = rawParam(await authorize(idp), 'code')!;
        const res = await tokenRequest(idp, code);
        expect(res.status).toBe(200);
        const text = await res.text();
        expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['data', 'key']);
        expectEnvelopeInvalid(await refusal(text, mode, ['access_token']));
        expect(idp.faults).toEqual([]);
      });

      it(`${fault} (${mode}) on userinfo, armed through the admin API`, async () => {
        const idp = await partnerIdp({ aesMode: mode });
        const { privateKey } = await rpKeys();
        const code = rawParam(await authorize(idp), 'code')!;
        const tokens = await openEnvelope(await (await tokenRequest(idp, code)).text(), {
          privateKey,
          mode,
        });
        const armed = await idp.fetch(
          new Request(`${idp.issuer}/__mock/faults`, {
            method: 'POST',
            body: JSON.stringify({ name: fault }),
          }),
        );
        expect(armed.status).toBe(200);
        const res = await userinfoRequest(idp, tokens.access_token as string);
        expectEnvelopeInvalid(await refusal(await res.text(), mode, ['citizenPid']));
        // the next one is sound again
        const again = await userinfoRequest(idp, tokens.access_token as string);
        const info = await openEnvelope(await again.text(), { privateKey, mode });
        expect(typeof info.citizenPid).toBe('string');
      });
    }
  }

  it('partner_token_missing_access_token: the envelope opens but lacks access_token', async () => {
    const idp = await partnerIdp({});
    const { privateKey } = await rpKeys();
    idp.setFaults({ name: 'partner_token_missing_access_token' });
    const code = rawParam(await authorize(idp), 'code')!;
    const text = await (await tokenRequest(idp, code)).text();
    const opened = await openEnvelope(text, { privateKey });
    expect(opened.access_token).toBeUndefined();
    expect(opened.token_type).toBe('Bearer');
    expectEnvelopeInvalid(await refusal(text, 'ecb', ['access_token']));
  });

  it('partner_userinfo_missing_citizen_pid: the envelope opens but lacks citizenPid', async () => {
    const idp = await partnerIdp({});
    const { privateKey } = await rpKeys();
    const code = rawParam(await authorize(idp), 'code')!;
    const tokens = await openEnvelope(await (await tokenRequest(idp, code)).text(), { privateKey });
    idp.setFaults({ name: 'partner_userinfo_missing_citizen_pid' });
    const text = await (await userinfoRequest(idp, tokens.access_token as string)).text();
    const opened = await openEnvelope(text, { privateKey });
    expect(opened.citizenPid).toBeUndefined();
    expect(opened.fullName).toBeDefined();
    expectEnvelopeInvalid(await refusal(text, 'ecb', ['citizenPid']));
  });

  it('envelope faults wait for an envelope: a plain response does not consume them', async () => {
    const idp = await partnerIdp({ envelope: 'userinfo' });
    idp.setFaults({ name: 'partner_envelope_bad_padding' });
    const code = rawParam(await authorize(idp), 'code')!;
    const tokens = (await (await tokenRequest(idp, code)).json()) as { access_token: string };
    expect(idp.faults.map((f) => f.name)).toEqual(['partner_envelope_bad_padding']);
    const text = await (await userinfoRequest(idp, tokens.access_token)).text();
    expectEnvelopeInvalid(await refusal(text, 'ecb', ['citizenPid']));
  });
});
