/**
 * Each dialect's claims normalise, through core's `normalizeIdentity`, back to the persona
 * they came from: the mock's writers and core's readers agree on every wire name.
 */
import { normalizeIdentity } from '@dinhdanh/core';
import type { AssuranceLevel } from '@dinhdanh/core';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS, type Dialect } from '../src/index';
import { connect, exchange, headlessLogin } from './helpers';

const ALL_SCOPES = [
  'openid profile email phone address vn_identity vn_pid vn_legacy_id vn_ethnicity vn_hometown vn_portrait',
  'vn_tax_code vn_social_insurance vn_health_insurance vn_driving_licence vn_vehicle_registrations',
  'vn_passport vn_foreigner_id vn_organisation vn_guardian',
].join(' ');

const ACR: Record<Dialect, Record<string, AssuranceLevel>> = {
  standard: { 'urn:dinhdanh:loa:0': 0, 'urn:dinhdanh:loa:1': 1, 'urn:dinhdanh:loa:2': 2 },
  'vneid-sso': { '0': 0, '1': 1, '2': 2 },
  dvcqg: { LoA0: 0, LoA1: 1, LoA2: 2 },
  postid: { LoA0: 0, LoA1: 1, LoA2: 2 },
  'vneid-partner': { '0': 0, '1': 1, '2': 2 }, // not in `cases`: see partner.*.test.ts
};

const cases: [Dialect, boolean][] = [
  ['standard', false],
  ['standard', true],
  ['vneid-sso', false],
  ['dvcqg', false],
  ['postid', false],
];

describe('dialects normalise back to the persona (core)', () => {
  for (const [dialect, verifiedClaims] of cases) {
    for (const persona of BUILTIN_PERSONAS.filter((p) => p.locked !== true)) {
      it(`${dialect}${verifiedClaims ? ' + verified_claims' : ''}: ${persona.id}`, async () => {
        const { idp, config } = await connect({ dialect, verifiedClaims });
        const flow = await headlessLogin(idp, config, {
          scope: ALL_SCOPES,
          login_hint: persona.id,
        });
        const tokens = await exchange(config, flow);
        const idToken = { ...tokens.claims()! };
        const userinfo = {
          ...(await client.fetchUserInfo(config, tokens.access_token, idToken.sub)),
        };
        const identity = normalizeIdentity(
          dialect,
          { idToken, userinfo },
          { issuer: idp.issuer, provider: 'mock', levelFromAcr: (acr) => ACR[dialect][acr] },
        );
        expect(identity.subject).toBe(idToken.sub);
        expect(identity.level).toBe(persona.level);
        expect(identity.accountType).toBe(persona.accountType);
        const got = identity.attributes;
        const want = persona.attributes;
        expect(got.pid).toBe(want.pid);
        expect(got.name?.full).toBe(want.name?.full);
        expect(got.birthdate).toBe(want.birthdate);
        expect(got.gender).toBe(want.gender);
        expect(got.phone).toBe(want.phone);
        expect(got.email).toBe(want.email);
        expect(got.taxCode).toBe(want.taxCode ?? want.organisation?.taxCode);
        if (dialect === 'standard') {
          // the SDK's own shapes travel unchanged (foreigners' names are not split into parts)
          const { name: gotName, ...gotRest } = got;
          const { name: wantName, ...wantRest } = want;
          expect(gotRest).toEqual(wantRest);
          expect(gotName?.full).toBe(wantName?.full);
        }
      });
    }
  }
});
