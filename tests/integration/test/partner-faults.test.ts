/**
 * Every partner fault switch of the mock against core's partner profile, in-process
 * (core's injected fetch): the exact error code, ONE code and ONE message for every
 * decryption or format failure (no padding oracle), and nothing secret in the error
 * (message, JSON, String, cause chain) or on the console: no decrypted body, no token, no
 * enveloped bytes, not the persona's full ID number.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthHandlers, isDinhDanhError, type RelyingParty } from '@dinhdanh/core';
import { ENVELOPE_INVALID_MESSAGE, openEnvelope } from '@dinhdanh/core/vneid-partner';
import type { FaultName, MockIdp } from '@dinhdanh/mock-idp';
import {
  AN,
  partnerClient,
  partnerRp,
  RP_KEYS,
  type EnvelopeSwitch,
  type PartnerSwitches,
} from './partner-support';
import { APP, headlessLogin, inProcessIdp, Jar, redirectOf, SEAL_SECRET } from './support';

const sw = (envelope: EnvelopeSwitch, aesMode: 'ecb' | 'cbc' = 'ecb'): PartnerSwitches => ({
  envelope,
  aesMode,
  encryptCode: true,
  codeWithPlus: true,
});
const SWITCHES = (['none', 'token', 'userinfo', 'both'] as const).flatMap((e) =>
  (['ecb', 'cbc'] as const).map((m) => sw(e, m)),
);

let idp: MockIdp;
/** Everything secret the provider sent during the login: raw bodies, tokens it carried. */
let secrets: Set<string>;
let logged: string[];

beforeEach(async () => {
  idp = await inProcessIdp({ clients: SWITCHES.map(partnerClient) });
  secrets = new Set([AN.pid]);
  logged = [];
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      logged.push(
        args
          .map((a) =>
            a instanceof Error ? `${String(a)} ${a.stack}` : (JSON.stringify(a) ?? String(a)),
          )
          .join(' '),
      );
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** Records every token/userinfo body and what it decrypts to (when it can be opened at all). */
async function remember(response: Response, mode: 'ecb' | 'cbc'): Promise<void> {
  const text = await response.clone().text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return;
  }
  if (typeof body.data === 'string') {
    secrets.add(body.data.slice(0, 24));
    if (typeof body.key === 'string') secrets.add(body.key.slice(1, 25));
    body = await openEnvelope(body as never, { privateKey: RP_KEYS.privateKey, mode }).catch(
      () => ({}),
    );
  }
  for (const name of ['access_token', 'refresh_token', 'citizenPid', 'fullName']) {
    const value = body[name];
    if (typeof value === 'string' && value.length >= 8) secrets.add(value);
  }
}

function rpFor(s: PartnerSwitches, par: 'auto' | 'off' = 'auto'): RelyingParty {
  return partnerRp(idp.issuer, s, {
    par,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const response = await idp.fetch(request);
      if (/\/(token|userinfo)$/.test(new URL(request.url).pathname))
        await remember(response, s.aesMode);
      return response;
    },
  });
}

/** Logs in, expects a DinhDanhError; returns it with every way it can be printed. */
async function failedLogin(
  s: PartnerSwitches,
): Promise<{ code: string; message: string; text: string; hasCause: boolean }> {
  try {
    await headlessLogin(rpFor(s), AN.persona, (r) => idp.fetch(r), { level: 2, claims: ['name'] });
  } catch (error) {
    if (!isDinhDanhError(error)) throw error;
    const chain: string[] = [];
    let cause: unknown = error;
    for (let depth = 0; cause !== undefined && depth < 10; depth += 1) {
      chain.push(`${cause as Error}`, JSON.stringify(cause) ?? '', (cause as Error).stack ?? '');
      cause = (cause as { cause?: unknown }).cause;
    }
    return {
      code: error.code,
      message: error.message,
      text: [error.message, JSON.stringify(error), String(error), ...chain, ...logged].join('\n'),
      hasCause: error.cause !== undefined,
    };
  }
  throw new Error('expected the login to fail');
}

function expectNoLeak(text: string): void {
  expect(secrets.size).toBeGreaterThan(1);
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).not.toContain(AN.pid);
  expect(text).not.toContain(AN.fullName);
}

const ENVELOPE_FAULTS: readonly FaultName[] = [
  'partner_envelope_wrong_key',
  'partner_envelope_truncated_data',
  'partner_envelope_bad_padding',
  'partner_envelope_key_not_base64',
];

describe('envelope faults: one code, one message, nothing leaked', () => {
  const cases = ENVELOPE_FAULTS.flatMap((fault) =>
    (['token', 'userinfo'] as const).flatMap((where) =>
      (['ecb', 'cbc'] as const).map((mode) => [fault, where, mode] as const),
    ),
  );
  it.each(cases)('%s on the %s envelope (%s) → envelope_invalid', async (fault, where, mode) => {
    const s = sw(where, mode);
    idp.setFaults({ name: fault });
    const error = await failedLogin(s);
    expect(error.code).toBe('envelope_invalid');
    expect(error.message).toBe(ENVELOPE_INVALID_MESSAGE);
    expect(error.hasCause).toBe(false);
    expectNoLeak(error.text);
    // the fault was used up; the next login works
    expect(idp.faults).toEqual([]);
    const ok = await headlessLogin(rpFor(s), AN.persona, (r) => idp.fetch(r), { level: 2 });
    expect(ok.identity.subject).toBe(AN.pid);
  });

  it('every envelope fault gives the same error object (same code, message, shape)', async () => {
    const seen = new Set<string>();
    for (const fault of ENVELOPE_FAULTS) {
      idp.setFaults({ name: fault });
      const error = await failedLogin(sw('both', 'cbc'));
      seen.add(`${error.code}|${error.message}|${String(error.hasCause)}`);
    }
    expect([...seen]).toEqual([`envelope_invalid|${ENVELOPE_INVALID_MESSAGE}|false`]);
  });
});

describe('the browser sees one answer for every decryption failure', () => {
  it('createAuthHandlers answers every envelope fault with the same status and body', async () => {
    const s = sw('both', 'cbc');
    const answers = new Set<string>();
    for (const fault of ENVELOPE_FAULTS) {
      // PAR off: the test appends login_hint, which a pushed request would ignore.
      const auth = createAuthHandlers(rpFor(s, 'off'), { secrets: SEAL_SECRET });
      const jar = new Jar();
      const start = await auth.handle(jar.request(`${APP}/auth/login?level=2`));
      jar.apply(start);
      const authorize = new URL(start.headers.get('location') ?? '');
      authorize.searchParams.set('login_hint', AN.persona);
      const callbackUrl = await redirectOf(authorize.href, (r) => idp.fetch(r));
      idp.setFaults({ name: fault });
      const callback = await auth.handle(jar.request(callbackUrl));
      const body = await callback.text();
      expect(callback.status).toBeGreaterThanOrEqual(400);
      expectNoLeak(`${body}\n${logged.join('\n')}`);
      answers.add(`${callback.status} ${body}`);
    }
    expect(answers.size).toBe(1);
    const [answer] = [...answers];
    expect(answer).toContain('envelope_invalid');
  });
});

describe('missing members', () => {
  it('enveloped token response without access_token → envelope_invalid (required member)', async () => {
    idp.setFaults({ name: 'partner_token_missing_access_token' });
    const error = await failedLogin(sw('token'));
    expect(error.code).toBe('envelope_invalid');
    expect(error.message).toBe(ENVELOPE_INVALID_MESSAGE);
    expectNoLeak(error.text);
  });

  it('plain token response without access_token → provider_response_invalid', async () => {
    idp.setFaults({ name: 'partner_token_missing_access_token' });
    const error = await failedLogin(sw('none'));
    expect(error.code).toBe('provider_response_invalid');
    expectNoLeak(error.text);
  });

  for (const envelope of ['userinfo', 'none'] as const) {
    it(`userinfo (${envelope === 'none' ? 'plain' : 'enveloped'}) without citizenPid → subject_missing`, async () => {
      idp.setFaults({ name: 'partner_userinfo_missing_citizen_pid' });
      const error = await failedLogin(sw(envelope));
      expect(error.code).toBe('subject_missing');
      expect(error.text).toContain('userinfo.citizenPid');
      expectNoLeak(error.text);
    });
  }
});
