/**
 * Every provider profile of core logs in against the matching mock dialect and gets the
 * same normalised Identity for the same persona — in-process (core's injectable fetch and
 * msw) and over HTTP.
 */
import { setupServer } from 'msw/node';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { startMockIdp, type MockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import type { Identity } from '@dinhdanh/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dialectClients,
  fetchVia,
  globalFetcher,
  headlessLogin,
  inProcessIdp,
  PROFILES,
  relyingParty,
} from './support';

const CLAIMS = ['name', 'birthdate', 'gender', 'pid'] as const;

/** The parts of an identity that must not depend on the dialect. */
function portable(identity: Identity) {
  return {
    accountType: identity.accountType,
    level: identity.level,
    name: identity.attributes.name?.full,
    birthdate: identity.attributes.birthdate,
    gender: identity.attributes.gender,
    pid: identity.attributes.pid,
  };
}

let idp: MockIdp;
let http: RunningMockIdp;
const server = setupServer();
beforeAll(async () => {
  idp = await inProcessIdp();
  http = await startMockIdp({ port: 0, autoApprove: true, clients: dialectClients() });
  server.use(...mockIdpHandlers(idp));
  server.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  server.close();
  await http.close();
});

/** What every dialect must normalise each synthetic persona to. */
const EXPECTED = {
  'citizen-l2': {
    accountType: 'citizen',
    level: 2,
    name: 'Nguyễn Văn An',
    birthdate: '1985-03-14',
    gender: 'male',
    pid: '001085012345',
  },
  'citizen-l1': {
    accountType: 'citizen',
    level: 1,
    name: 'Trần Thị Bình',
    birthdate: '1992-07-02',
    gender: 'female',
    pid: '079192004567',
  },
} as const;

for (const persona of ['citizen-l2', 'citizen-l1'] as const) {
  describe(`persona ${persona}`, () => {
    const level = EXPECTED[persona].level;
    for (const { dialect, profile } of PROFILES) {
      it(`${dialect} via core's injected fetch`, async () => {
        const rp = relyingParty(idp.issuer, `rp-${dialect}`, {
          provider: profile(),
          fetch: fetchVia(idp),
        });
        const result = await headlessLogin(rp, persona, (r) => idp.fetch(r), {
          level,
          claims: CLAIMS,
          purpose: 'Mở tài khoản ngân hàng',
        });
        expect(result.identity.provider).toBe(rp.provider);
        expect(result.identity.issuer).toBe(idp.issuer);
        expect(portable(result.identity)).toEqual(EXPECTED[persona]);
      });

      it(`${dialect} via msw`, async () => {
        const rp = relyingParty(idp.issuer, `rp-${dialect}`, { provider: profile() });
        const result = await headlessLogin(rp, persona, globalFetcher, {
          level,
          claims: CLAIMS,
          purpose: 'Mở tài khoản ngân hàng',
        });
        expect(portable(result.identity)).toEqual(EXPECTED[persona]);
      });

      it(`${dialect} over HTTP`, async () => {
        const rp = relyingParty(http.issuer, `rp-${dialect}`, { provider: profile() });
        const result = await headlessLogin(rp, persona, globalFetcher, {
          level,
          claims: CLAIMS,
          purpose: 'Mở tài khoản ngân hàng',
        });
        expect(result.identity.issuer).toBe(http.issuer);
        expect(portable(result.identity)).toEqual(EXPECTED[persona]);
      });
    }
  });
}
