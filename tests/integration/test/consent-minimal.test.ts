/**
 * Consent that means what it says, through real logins against the mock: core asks for
 * each attribute by name (the `claims` parameter, `essential` for required ones, one scope
 * per attribute); the portal dialects still hand over the whole record on the wire, and
 * only what was asked for reaches the app; a required attribute cannot be declined on the
 * mock's consent screen; the consent record is signed into a receipt that verifies and
 * fails when altered.
 */
import { exportJWK, generateKeyPair } from 'jose';
import {
  ATTRIBUTE_NAMES,
  createConsentReceipt,
  verifyConsentReceipt,
  type AttributeName,
  type LoginResult,
  type PrivateJwk,
  type RelyingParty,
} from '@dinhdanh/core';
import { createMockIdp, type MockIdp } from '@dinhdanh/mock-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partnerClient, partnerRp, overHttp, type PartnerSwitches } from './partner-support';
import {
  dialectClients,
  fetchVia,
  globalFetcher,
  headlessLogin,
  inProcessIdp,
  ISSUER,
  PROFILES,
  relyingParty,
} from './support';

const ASKED: AttributeName[] = ['name', 'birthdate', 'pid'];
const PURPOSE = 'Mở tài khoản thanh toán';

/** The attributes an identity carries. */
function carried(result: LoginResult): AttributeName[] {
  const attributes = result.identity.attributes as Record<string, unknown>;
  return ATTRIBUTE_NAMES.filter((name) => attributes[name] !== undefined);
}

/** What the provider's userinfo endpoint hands over for the login's access token. */
async function onTheWire(idp: MockIdp, result: LoginResult): Promise<Record<string, unknown>> {
  const response = await idp.fetch(
    new Request(`${idp.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${result.tokens.accessToken}` },
    }),
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

let idp: MockIdp;
beforeAll(async () => {
  idp = await inProcessIdp();
});

describe('only requested attributes reach the app', () => {
  for (const { dialect, profile } of PROFILES) {
    it(`${dialect}: identity, consent and wire`, async () => {
      const rp = relyingParty(ISSUER, `rp-${dialect}`, {
        provider: profile(),
        fetch: fetchVia(idp),
      });
      const result = await headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), {
        attributes: ASKED,
        required: ['pid'],
        purpose: PURPOSE,
      });
      expect(carried(result).sort()).toEqual([...ASKED].sort());
      expect(result.identity.attributes.gender).toBeUndefined();
      expect(result.identity.attributes.ethnicity).toBeUndefined();
      expect(result.consent).toEqual({
        requested: ASKED,
        granted: ['pid', 'name', 'birthdate'],
        required: ['pid'],
        purpose: PURPOSE,
        provider: rp.provider,
        level: 2,
        at: expect.any(String) as string,
      });
      const wire = await onTheWire(idp, result);
      if (dialect === 'standard') {
        // asked by name: the provider released nothing else
        expect(Object.keys(wire)).not.toContain('gender');
      } else {
        // the portal dialects hand over the whole record, as those providers do
        expect(Object.keys(wire).length).toBeGreaterThan(
          Object.keys(result.identity.attributes).length + 3,
        );
      }
    });
  }

  it('standard: the request names each attribute, essential for required, with per-attribute scopes', async () => {
    const rp = relyingParty(ISSUER, 'rp-standard', { fetch: fetchVia(idp) });
    const { url } = await rp.startLogin({ attributes: ASKED, required: ['pid'], purpose: PURPOSE });
    // PAR: the request is at the provider; read what was pushed through the authorize redirect
    const start = new URL(url);
    expect(start.searchParams.get('request_uri') ?? start.searchParams.get('claims')).toBeTruthy();
    const rpNoPar = relyingParty(ISSUER, 'rp-standard', { fetch: fetchVia(idp), par: 'off' });
    const plain = new URL((await rpNoPar.startLogin({ attributes: ASKED, required: ['pid'] })).url);
    expect(JSON.parse(plain.searchParams.get('claims')!)).toEqual({
      userinfo: { name: null, birthdate: null, vn_pid: { essential: true } },
    });
    expect(plain.searchParams.get('scope')!.split(' ').sort()).toEqual(['openid', 'vn_pid']);
  });

  it('the deprecated `claims` option still works, and cannot be combined with `attributes`', async () => {
    const rp = relyingParty(ISSUER, 'rp-standard', { fetch: fetchVia(idp) });
    const result = await headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), {
      claims: ['name'],
    });
    expect(carried(result)).toEqual(['name']);
    await expect(rp.startLogin({ claims: ['name'], attributes: ['pid'] })).rejects.toMatchObject({
      code: 'input_invalid',
    });
  });

  it('vneid-sso: an ID number the provider puts in the ID token does not reach the app unasked', async () => {
    const rp = relyingParty(ISSUER, 'rp-vneid-sso', {
      provider: PROFILES.find((p) => p.dialect === 'vneid-sso')!.profile(),
      fetch: fetchVia(idp),
    });
    const result = await headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), {
      attributes: ['name'],
    });
    const { tokens: _tokens, ...handedOver } = result;
    expect(JSON.stringify(handedOver)).not.toContain('001085012345');
    expect(result.idTokenClaims.preferred_username).toBeUndefined();
    expect(result.idTokenClaims.sub).toBe(result.identity.subject);
  });

  it('dangerouslyKeepUnrequestedAttributes keeps extras, listed apart as received, not requested', async () => {
    const rp = relyingParty(ISSUER, 'rp-dvcqg', {
      provider: PROFILES.find((p) => p.dialect === 'dvcqg')!.profile(),
      fetch: fetchVia(idp),
      dangerouslyKeepUnrequestedAttributes: true,
    });
    const result = await headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), {
      attributes: ['name'],
    });
    expect(result.consent.granted).toEqual(['name']);
    expect(result.consent.receivedNotRequested).toEqual(expect.arrayContaining(['pid', 'gender']));
    expect(result.identity.attributes.pid).toBe('001085012345');
  });
});

describe('the partner profile (userinfo only) drops what was not asked for', () => {
  const switches: PartnerSwitches = {
    envelope: 'none',
    aesMode: 'ecb',
    encryptCode: false,
    codeWithPlus: false,
  };
  const target = overHttp([partnerClient(switches)]);
  beforeAll(() => target.start());
  afterAll(() => target.stop());

  it('asks for the name, gets the name', async () => {
    const rp = partnerRp(target.issuer, switches);
    const result = await headlessLogin(rp, 'citizen-l2', globalFetcher, {
      attributes: ['name'],
      level: 2,
    });
    expect(carried(result)).toEqual(['name']);
    expect(result.consent).toMatchObject({ requested: ['name'], granted: ['name'] });
    const wire = (await (
      await fetch(`${target.issuer}/userinfo`, {
        headers: { authorization: `Bearer ${result.tokens.accessToken}` },
      })
    ).json()) as Record<string, unknown>;
    expect(wire.citizenPid).toBe('001085012345'); // on the wire, never in the result
    expect(JSON.stringify(result.identity.attributes)).not.toContain('001085012345');
  });
});

/** An interactive login: picker, then the consent form posted with only `ticked`. */
async function interactiveLogin(
  provider: MockIdp,
  rp: RelyingParty,
  ticked: string[],
): Promise<{ result: LoginResult; consentPage: string }> {
  const { url, transaction } = await rp.startLogin({
    attributes: ['name', 'pid'],
    required: ['pid'],
    purpose: PURPOSE,
    // core keeps the purpose in the consent record; the mock shows it when sent (docs/levels-and-consent.md)
    extraParams: { purpose: PURPOSE },
  });
  const interaction = (await provider.fetch(new Request(url, { redirect: 'manual' }))).headers.get(
    'location',
  )!;
  const login = new URLSearchParams({ persona: 'citizen-l2' });
  await provider.fetch(new Request(`${interaction}/login`, { method: 'POST', body: login }));
  const consentPage = await (await provider.fetch(new Request(interaction))).text();
  const form = new URLSearchParams([
    ['decision', 'approve'],
    ...ticked.map((a) => ['attributes', a]),
  ]);
  const done = await provider.fetch(
    new Request(`${interaction}/consent`, { method: 'POST', body: form, redirect: 'manual' }),
  );
  const callback = done.headers.get('location')!;
  return { result: await rp.finishLogin(callback, transaction), consentPage };
}

describe("required attributes cannot be declined on the mock's consent screen", () => {
  let interactive: MockIdp;
  beforeAll(async () => {
    interactive = createMockIdp({ issuer: ISSUER, clients: dialectClients() });
    await interactive.ready;
  });

  for (const { dialect, profile } of PROFILES.filter((p) =>
    ['standard', 'dvcqg', 'vneid-sso'].includes(p.dialect),
  )) {
    it(`${dialect}: pid is shown as required and released though the form leaves it out`, async () => {
      const rp = relyingParty(ISSUER, `rp-${dialect}`, {
        provider: profile(),
        fetch: fetchVia(interactive),
      });
      const { result, consentPage } = await interactiveLogin(interactive, rp, []);
      const required = consentPage.slice(
        consentPage.indexOf('data-testid="consent-required"'),
        consentPage.indexOf('</fieldset>', consentPage.indexOf('data-testid="consent-required"')),
      );
      expect(required).toContain('data-testid="attribute-pid"');
      expect(required).not.toContain('data-testid="attribute-name"');
      expect(consentPage).toContain(PURPOSE);
      expect(result.identity.attributes.pid).toBe('001085012345');
      expect(result.identity.attributes.name).toBeUndefined(); // optional, unticked
      expect(result.consent.granted).toEqual(['pid']);
    });
  }
});

describe('consent receipts from a real login', () => {
  it('verify, match the citizen, and fail when altered', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const key = { ...(await exportJWK(privateKey)), kid: 'bank-receipts-1' } as PrivateJwk;
    const rp = relyingParty(ISSUER, 'rp-standard', { fetch: fetchVia(idp) });
    const result = await headlessLogin(rp, 'citizen-l2', (r) => idp.fetch(r), {
      attributes: ASKED,
      required: ['pid'],
      purpose: PURPOSE,
    });
    const receipt = await createConsentReceipt(result, {
      key,
      controller: { name: 'Ngân hàng Tích hợp' },
    });
    expect(receipt).not.toContain('001085012345');
    const verified = await verifyConsentReceipt(receipt, { key, subject: result.identity });
    expect(verified.consent.granted).toEqual(result.consent.granted);
    expect(verified.consent.level).toBe(2);
    const [header, payload, signature] = receipt.split('.');
    const altered = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      consent: { granted: string[] };
    };
    altered.consent.granted.push('portrait');
    const forged = `${header}.${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${signature}`;
    await expect(verifyConsentReceipt(forged, { key })).rejects.toMatchObject({
      code: 'consent_receipt_invalid',
    });
  });
});
