/**
 * The vneid-partner dialect (DOMAIN.md dialect 5) driven by plain fetch and core's
 * vneid-partner helpers, in every switch combination that matters.
 */
import { normalizeIdentity } from '@dinhdanh/core';
import { decryptCode, openEnvelope } from '@dinhdanh/core/vneid-partner';
import { describe, expect, it } from 'vitest';
import { createMockIdp } from '../src/index';
import {
  authorize,
  CLIENT_ID,
  partnerIdp,
  rawParam,
  REDIRECT,
  rpKeys,
  SECRET,
  tokenRequest,
  userinfoRequest,
} from './partner-fixtures';
import { formPost } from './helpers';

type Envelope = 'both' | 'token' | 'userinfo' | 'none';
const ENVELOPES: Envelope[] = ['both', 'token', 'userinfo', 'none'];

interface Combo {
  envelope: Envelope;
  aesMode: 'ecb' | 'cbc';
  encryptCode: boolean;
  codeWithPlus: boolean;
}

const combos: Combo[] = [];
for (const envelope of ENVELOPES)
  for (const aesMode of ['ecb', 'cbc'] as const)
    for (const encryptCode of [false, true])
      combos.push({ envelope, aesMode, encryptCode, codeWithPlus: true });
combos.push({ envelope: 'both', aesMode: 'ecb', encryptCode: false, codeWithPlus: false });

async function body(
  response: Response,
  sealed: boolean,
  mode: 'ecb' | 'cbc',
  require: string[],
): Promise<Record<string, unknown>> {
  const { privateKey } = await rpKeys();
  const text = await response.text();
  if (!sealed) return JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['data', 'key']);
  return openEnvelope(text, { privateKey, mode, require });
}

describe('vneid-partner login', () => {
  for (const combo of combos) {
    const name = `envelope ${combo.envelope}, ${combo.aesMode}, code ${combo.encryptCode ? 'encrypted' : 'plain'}${combo.codeWithPlus ? ', + in code' : ''}`;
    it(name, async () => {
      const { privateKey } = await rpKeys();
      const idp = await partnerIdp(combo);
      const location = await authorize(idp);
      expect(location.startsWith(`${REDIRECT}?`)).toBe(true);
      expect(rawParam(location, 'state')).toBe('st-123');
      const rawCode = rawParam(location, 'code');
      const encryptKey = rawParam(location, 'encrypt_key');
      expect(rawCode).toBeDefined();
      if (combo.codeWithPlus) expect(rawCode).toContain('+');
      // form decoding loses the `+`: the raw query is the only way to read it
      if (rawCode?.includes('+') === true)
        expect(new URL(location).searchParams.get('code')).not.toBe(rawCode);
      let code = rawCode!;
      if (combo.encryptCode) {
        expect(encryptKey).toBeDefined();
        code = await decryptCode(rawCode!, encryptKey!, { privateKey, mode: combo.aesMode });
        expect(code).not.toBe(rawCode);
      } else {
        expect(encryptKey).toBeUndefined();
      }

      const tokenRes = await tokenRequest(
        idp,
        code,
        encryptKey === undefined ? {} : { encrypt_key: encryptKey },
      );
      expect(tokenRes.status).toBe(200);
      const sealedToken = combo.envelope === 'both' || combo.envelope === 'token';
      const tokens = await body(tokenRes, sealedToken, combo.aesMode, ['access_token']);
      expect(tokens.id_token).toBeUndefined();
      expect(tokens.token_type).toBe('Bearer');

      const userinfoRes = await userinfoRequest(idp, tokens.access_token as string);
      expect(userinfoRes.status).toBe(200);
      const sealedUserinfo = combo.envelope === 'both' || combo.envelope === 'userinfo';
      const info = await body(userinfoRes, sealedUserinfo, combo.aesMode, ['citizenPid']);
      const persona = idp.personas.find((p) => p.id === 'citizen-l2')!;
      expect(info.citizenPid).toBe(persona.attributes.pid);
      expect(info.fullName).toBe(persona.attributes.name?.full);
      expect(info.birthDate).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(info.accountType).toBe('CITIZEN');
      expect(info.accountLevel).toBe(2);
      expect(info.sub).toBeUndefined();
      // sensitive attributes are not shared unless asked for
      expect(info.portrait).toBeUndefined();
    });
  }

  it('userinfo normalises through core to the persona (level from accountLevel)', async () => {
    const idp = await partnerIdp({ envelope: 'none' });
    for (const id of ['citizen-l1', 'citizen-l2', 'foreigner-l2']) {
      const persona = idp.personas.find((p) => p.id === id)!;
      const code = rawParam(await authorize(idp, id), 'code')!;
      const tokens = (await (await tokenRequest(idp, code)).json()) as { access_token: string };
      const info = (await (await userinfoRequest(idp, tokens.access_token)).json()) as Record<
        string,
        unknown
      >;
      const identity = normalizeIdentity(
        'vneid-partner',
        { userinfo: info },
        {
          issuer: idp.issuer,
          provider: 'mock',
          levelFromAcr: () => undefined,
        },
      );
      expect(identity.level).toBe(persona.level);
      expect(identity.accountType).toBe(persona.accountType);
      expect(identity.attributes.pid).toBe(persona.attributes.pid);
      expect(identity.attributes.birthdate).toBe(persona.attributes.birthdate);
    }
  });

  it('needs no nonce and no PKCE; a code_verifier sent anyway is ignored', async () => {
    const idp = await partnerIdp({ envelope: 'none' });
    const code = rawParam(await authorize(idp), 'code')!;
    const res = await tokenRequest(idp, code, { code_verifier: 'x'.repeat(43) });
    expect(res.status).toBe(200);
  });

  it('accepts only client_secret_post', async () => {
    const idp = await partnerIdp({ envelope: 'none' });
    const code = rawParam(await authorize(idp), 'code')!;
    const res = await idp.fetch(
      formPost(
        `${idp.issuer}/token`,
        { grant_type: 'authorization_code', code, redirect_uri: REDIRECT },
        { authorization: `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}` },
      ),
    );
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
  });

  it('refuses a code sent with its + turned into a space', async () => {
    const idp = await partnerIdp({ envelope: 'none', codeWithPlus: true });
    const code = rawParam(await authorize(idp), 'code')!;
    const res = await tokenRequest(idp, code.replaceAll('+', ' '));
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses a partner client without a key when envelopes are on', () => {
    const withPartner = (partner?: { publicKey: string }) => () =>
      createMockIdp({
        clients: [
          {
            clientId: 'x',
            clientSecret: SECRET,
            redirectUris: [REDIRECT],
            dialect: 'vneid-partner',
            ...(partner === undefined ? {} : { partner }),
          },
        ],
      });
    expect(withPartner()).toThrow(expect.objectContaining({ code: 'config_invalid' }));
    expect(withPartner({ publicKey: 'not a key' })).toThrow(
      expect.objectContaining({ code: 'config_invalid' }),
    );
  });

  it('accepts the public key as PEM', async () => {
    const { publicJwk, privateKey } = await rpKeys();
    const { importJWK, exportSPKI } = await import('jose');
    const pem = await exportSPKI(
      (await importJWK({ ...publicJwk, alg: 'RSA-OAEP-256' }, 'RSA-OAEP-256', {
        extractable: true,
      })) as CryptoKey,
    );
    const idp = await partnerIdp({ publicKey: pem, envelope: 'token' });
    const code = rawParam(await authorize(idp), 'code')!;
    const tokens = await openEnvelope(await (await tokenRequest(idp, code)).text(), {
      privateKey,
      require: ['access_token'],
    });
    expect(typeof tokens.access_token).toBe('string');
  });
});
