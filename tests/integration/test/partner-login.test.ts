/**
 * Core's VNeID partner profile (`vneidPartner()`, DOMAIN.md dialect 5) against OUR mock's
 * `vneid-partner` dialect, in-process through msw and over HTTP (startMockIdp on
 * 127.0.0.1:0): envelopes none/token/userinfo/both × AES ECB/CBC × encrypted code on/off,
 * always with a `+` in the code on the callback; the level from `accountLevel`; the result
 * marked `source: 'userinfo'`; once through createAuthHandlers.
 */
import { setupServer } from 'msw/node';
import { createAuthHandlers, type LoginResult, type MeResponse } from '@dinhdanh/core';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AN,
  partnerClient,
  partnerRp,
  rawParam,
  type EnvelopeSwitch,
  type PartnerSwitches,
  overHttp,
  type MockTarget,
} from './partner-support';
import {
  APP,
  errorCode,
  globalFetcher,
  headlessCallback,
  headlessLogin,
  ISSUER,
  Jar,
  redirectOf,
  SEAL_SECRET,
} from './support';

const ENVELOPES: readonly EnvelopeSwitch[] = ['none', 'token', 'userinfo', 'both'];
/** envelope × mode × encrypted code, each with a `+` in the code on the callback. */
const TABLE: PartnerSwitches[] = ENVELOPES.flatMap((envelope) =>
  (['ecb', 'cbc'] as const).flatMap((aesMode) =>
    [false, true].map((encryptCode) => ({ envelope, aesMode, encryptCode, codeWithPlus: true })),
  ),
);
/** A code that may or may not carry a `+` (the default of the mock). */
const ANY_CODE: PartnerSwitches = {
  envelope: 'both',
  aesMode: 'ecb',
  encryptCode: true,
  codeWithPlus: false,
};
const CLIENTS = [...TABLE, ANY_CODE].map(partnerClient);

/** What every successful partner login of the level-2 persona must give. */
function expectAn(result: LoginResult): void {
  expect(result.source).toBe('userinfo');
  expect(result.idTokenClaims).toEqual({});
  expect(result.tokens.idToken).toBeUndefined();
  expect(result.tokens.accessToken).toBeTypeOf('string');
  expect(result.identity).toMatchObject({
    subject: AN.pid,
    level: 2,
    accountType: 'citizen',
    attributes: {
      pid: AN.pid,
      name: { full: AN.fullName, family: 'Nguyễn', given: 'An' },
      birthdate: AN.birthdate,
    },
  });
  expect(result.consent.requested).toEqual(['name', 'birthdate', 'pid']);
  expect(result.consent.granted).toEqual(['pid', 'name', 'birthdate']);
  expect(result.identity.attributes.gender).toBeUndefined(); // sent by the provider, not asked for
  expect(Date.parse(result.consent.at)).not.toBeNaN();
}

const switchName = (s: PartnerSwitches) =>
  `envelope ${s.envelope}, ${s.aesMode}, code ${s.encryptCode ? 'encrypted' : 'plain'}`;

type Target = MockTarget;

const server = setupServer();

const TARGETS: Target[] = [
  {
    name: 'in-process (msw)',
    issuer: ISSUER,
    async start() {
      const idp = createMockIdp({ issuer: ISSUER, autoApprove: true, clients: CLIENTS });
      await idp.ready;
      server.use(...mockIdpHandlers(idp));
      server.listen({ onUnhandledRequest: 'error' });
    },
    stop() {
      server.close();
      return Promise.resolve();
    },
  },
  overHttp(CLIENTS),
];

for (const target of TARGETS) {
  describe(`partner login ${target.name}`, () => {
    beforeAll(() => target.start());
    afterAll(() => target.stop());

    it.each(TABLE.map((s) => [switchName(s), s] as const))('%s', async (_name, s) => {
      const rp = partnerRp(target.issuer, s);
      const callback = await headlessCallback(rp, AN.persona, globalFetcher, {
        level: 2,
        attributes: ['name', 'birthdate', 'pid'],
      });
      // The callback carries the code raw: a `+` in it is data, not a space.
      const code = rawParam(callback.url, 'code') ?? '';
      expect(code).toContain('+');
      expect(rawParam(callback.url, 'encrypt_key') !== undefined).toBe(s.encryptCode);
      expectAn(await rp.finishLogin(callback.url, callback.transaction));
    });

    it('a code without a forced + (the mock default) logs in too', async () => {
      const rp = partnerRp(target.issuer, ANY_CODE);
      const result = await headlessLogin(rp, AN.persona, globalFetcher, {
        level: 2,
        attributes: ['name', 'birthdate', 'pid'],
      });
      expectAn(result);
    });

    it('a level-1 citizen asked for level 2: the mock lets it through, core says insufficient_level', async () => {
      const rp = partnerRp(target.issuer, TABLE.at(-1) ?? ANY_CODE);
      const callback = await headlessCallback(rp, 'citizen-l1', globalFetcher, { level: 2 });
      // No acr_values in the partner protocol: the provider cannot refuse, core must.
      expect(rawParam(callback.url, 'error')).toBeUndefined();
      expect(await errorCode(() => rp.finishLogin(callback.url, callback.transaction))).toBe(
        'insufficient_level',
      );
      const ok = await headlessLogin(
        partnerRp(target.issuer, ANY_CODE),
        'citizen-l1',
        globalFetcher,
        {
          level: 1,
        },
      );
      expect(ok.identity).toMatchObject({ level: 1, subject: '079192004567' });
    });

    it('through createAuthHandlers: login → callback → me', async () => {
      const s: PartnerSwitches = {
        envelope: 'both',
        aesMode: 'cbc',
        encryptCode: true,
        codeWithPlus: true,
      };
      // PAR off: the test appends login_hint, which a pushed request would (rightly) ignore.
      const auth = createAuthHandlers(partnerRp(target.issuer, s, { par: 'off' }), {
        secrets: SEAL_SECRET,
        meAttributes: ['name', 'birthdate'],
        requests: { default: { level: 2, claims: ['name', 'birthdate'] } },
      });
      const jar = new Jar();
      const start = await auth.handle(jar.request(`${APP}/auth/login?returnTo=%2Faccount`));
      expect(start.status).toBe(302);
      jar.apply(start);
      const authorize = new URL(start.headers.get('location') ?? '');
      expect(authorize.origin).toBe(new URL(target.issuer).origin);
      authorize.searchParams.set('login_hint', AN.persona);
      const callbackUrl = await redirectOf(authorize.href, globalFetcher);
      expect(rawParam(callbackUrl, 'code')).toContain('+');
      const callback = await auth.handle(jar.request(callbackUrl));
      jar.apply(callback);
      expect(callback.status).toBe(302);
      expect(callback.headers.get('location')).toBe('/account');
      const me = (await (await auth.handle(jar.request(`${APP}/auth/me`))).json()) as MeResponse;
      expect(me).toMatchObject({
        status: 'authenticated',
        level: 2,
        identity: {
          level: 2,
          attributes: { name: { full: AN.fullName }, birthdate: AN.birthdate },
        },
      });
    });
  });
}
