/** Personas: valid under core's schema; locked accounts; assurance levels; subjects. */
import * as client from 'openid-client';
import { identitySchema } from '@dinhdanh/core';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PERSONAS,
  createMockIdp,
  personaInputSchema,
  type PersonaInput,
} from '../src/index';
import {
  connect,
  discover,
  exchange,
  follow,
  headlessLogin,
  ISSUER,
  REDIRECT,
  setup,
} from './helpers';

describe('built-in personas', () => {
  it('are at least 8 and all valid under core identitySchema', () => {
    expect(BUILTIN_PERSONAS.length).toBeGreaterThanOrEqual(8);
    for (const p of BUILTIN_PERSONAS) {
      const parsed = identitySchema.safeParse({
        subject: p.id,
        issuer: ISSUER,
        provider: 'mock',
        accountType: p.accountType,
        level: p.level,
        attributes: p.attributes,
      });
      expect(parsed.success, p.id).toBe(true);
    }
  });

  it('pass the persona schema (PID structure against birthdate and gender, levels by account type)', () => {
    for (const p of BUILTIN_PERSONAS)
      expect(personaInputSchema.safeParse(p).success, p.id).toBe(true);
  });

  it('cover the cases the issue names', () => {
    const byId = new Map(BUILTIN_PERSONAS.map((p) => [p.id, p]));
    const full = byId.get('citizen-l2')!.attributes;
    for (const doc of [
      'drivingLicence',
      'vehicleRegistrations',
      'healthInsurance',
      'socialInsurance',
      'taxCode',
    ] as const) {
      expect(full[doc], doc).toBeDefined();
    }
    expect(byId.get('citizen-l1')!.level).toBe(1);
    const noContact = byId.get('citizen-l2-no-contact')!;
    expect([noContact.level, noContact.attributes.phone, noContact.attributes.email]).toEqual([
      2,
      undefined,
      undefined,
    ]);
    const child = byId.get('child')!;
    expect(child.attributes.guardian?.pid).toBe(byId.get('guardian')!.attributes.pid);
    // Under 14 on a fixed day, not "this year": the built-in data does not age with the
    // wall clock (a check against the current year failed from 2030-01-01 on).
    const [year, month, day] = child.attributes.birthdate!.split('-').map(Number);
    const fourteenth = Date.UTC(year! + 14, month! - 1, day);
    expect(fourteenth).toBeGreaterThan(Date.UTC(2026, 10, 23));
    expect(byId.get('foreigner-l1')).toMatchObject({ accountType: 'foreigner', level: 1 });
    expect(byId.get('foreigner-l2')!.attributes.passport?.number).toBeDefined();
    expect(byId.get('organisation')!.attributes.organisation?.representative?.name).toBeDefined();
    expect(byId.get('locked')!.locked).toBe(true);
  });
});

describe('custom personas', () => {
  const base: PersonaInput = {
    id: 'custom',
    level: 2,
    accountType: 'citizen',
    attributes: {
      pid: '079095001234',
      birthdate: '1995-01-01',
      gender: 'male',
      name: { full: 'Võ Văn Tí' },
    },
  };

  it('load when valid and can log in by personal ID number', async () => {
    const idp = createMockIdp({ issuer: ISSUER, autoApprove: true, personas: [base] });
    expect(idp.personas.map((p) => p.id)).toContain('custom');
    const location = await follow(
      idp,
      `${ISSUER}/authorize?${new URLSearchParams({
        client_id: 'dinhdanh-dev',
        redirect_uri: REDIRECT,
        response_type: 'code',
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        login_hint: '079095001234',
      }).toString()}`,
    );
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  for (const [why, attributes] of [
    ['a PID whose gender digit disagrees', { ...base.attributes, gender: 'female' }],
    ['a PID whose year disagrees', { ...base.attributes, birthdate: '1996-01-01' }],
    ['an unknown province code', { ...base.attributes, pid: '999195001234' }],
    ['a malformed e-mail', { ...base.attributes, email: 'not-an-email' }],
  ] as const) {
    it(`are refused with config_invalid: ${why}`, () => {
      expect(() => createMockIdp({ personas: [{ ...base, attributes }] })).toThrow(
        expect.objectContaining({ code: 'config_invalid' }),
      );
    });
  }

  it('refuse an organisation with a level', () => {
    expect(() =>
      createMockIdp({
        personas: [
          {
            id: 'org',
            level: 2,
            accountType: 'organisation',
            attributes: { organisation: { name: 'X' } },
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});

describe('login outcomes by persona', () => {
  it('a locked account ends in access_denied with a clear description', async () => {
    const { idp, config } = await connect();
    const { callback } = await headlessLogin(idp, config, { login_hint: 'locked' });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('error_description')).toMatch(/locked/);
  });

  it('a level-1 persona asked for level 2: unmet_authentication_requirements', async () => {
    const { idp, config } = await connect();
    const { callback } = await headlessLogin(idp, config, {
      login_hint: 'citizen-l1',
      acr_values: 'urn:dinhdanh:loa:2',
    });
    expect(callback.searchParams.get('error')).toBe('unmet_authentication_requirements');
  });

  it('with allowLowerAcr the lower acr is issued instead, never above the persona', async () => {
    const { idp, config } = await connect({ allowLowerAcr: true });
    const flow = await headlessLogin(idp, config, {
      login_hint: 'citizen-l1',
      acr_values: 'urn:dinhdanh:loa:2',
    });
    const tokens = await exchange(config, flow);
    expect(tokens.claims()?.acr).toBe('urn:dinhdanh:loa:1');
  });

  it('a level-2 persona asked for level 1 gets acr level 2 (its own level)', async () => {
    const { idp, config } = await connect();
    const flow = await headlessLogin(idp, config, { acr_values: 'urn:dinhdanh:loa:1' });
    const tokens = await exchange(config, flow);
    expect(tokens.claims()?.acr).toBe('urn:dinhdanh:loa:2');
  });

  it('sub is stable per persona, and pairwise per client when configured', async () => {
    const { idp, privateKey } = await setup({ subjectType: 'pairwise' });
    const rp = await discover(idp, 'rp', client.PrivateKeyJwt(privateKey));
    const dev = await discover(
      idp,
      'dinhdanh-dev',
      client.ClientSecretPost('dinhdanh-dev-secret-change-me-0123456789'),
    );
    const subOf = async (config: client.Configuration, hint = 'citizen-l2') => {
      const f = await headlessLogin(idp, config, { login_hint: hint });
      const t = await exchange(config, f);
      return decodeJwt(t.id_token!).sub!;
    };
    const a1 = await subOf(rp);
    expect(await subOf(rp)).toBe(a1);
    expect(await subOf(rp, '001085012345')).toBe(a1); // login_hint by personal ID number
    expect(await subOf(dev)).not.toBe(a1);
    expect(await subOf(rp, 'citizen-l1')).not.toBe(a1);
  });
});
