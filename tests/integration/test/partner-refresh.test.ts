/**
 * `rp.refresh(tokens)` with core's VNeID partner profile against OUR mock's `vneid-partner`
 * dialect: the refresh goes to the token endpoint the partner login uses, with
 * `client_secret_post`, the token envelope opened as configured (ECB and CBC, on and off),
 * rotation as on the standard path, provider errors by their code, and every body that does
 * not open an `envelope_invalid` with one message and nothing leaked. In-process (core's
 * injected fetch answered by the mock) and over HTTP (startMockIdp on 127.0.0.1:0).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { isDinhDanhError, type RelyingParty, type TokenSet } from '@dinhdanh/core';
import {
  ENVELOPE_INVALID_MESSAGE,
  openEnvelope,
  sealEnvelope,
  vneidPartner,
} from '@dinhdanh/core/vneid-partner';
import { createMockIdp, type FaultName, type MockIdp } from '@dinhdanh/mock-idp';
import {
  AN,
  overHttp,
  partnerClient,
  partnerClientId,
  partnerRp,
  profileFor,
  RP_KEYS,
  type MockTarget,
  type PartnerSwitches,
} from './partner-support';
import { errorCode, headlessLogin, ISSUER, SECRET } from './support';

const sw = (envelope: 'both' | 'userinfo', aesMode: 'ecb' | 'cbc'): PartnerSwitches => ({
  envelope,
  aesMode,
  encryptCode: true,
  codeWithPlus: false,
});
/** Token envelope on (`both`) and off (`userinfo`: only userinfo enveloped), × ECB/CBC. */
const TABLE: PartnerSwitches[] = (['both', 'userinfo'] as const).flatMap((e) =>
  (['ecb', 'cbc'] as const).map((m) => sw(e, m)),
);
const tokenEnveloped = (s: PartnerSwitches) => s.envelope === 'both';
const describeSwitches = (s: PartnerSwitches) =>
  `token envelope ${tokenEnveloped(s) ? 'on' : 'off'}, ${s.aesMode}`;

/** A token-endpoint rewrite: given the JSON the mock meant to send, what to send instead. */
type Rewrite = (
  plain: Record<string, unknown>,
) => Record<string, unknown> | Promise<Record<string, unknown>>;

interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: string;
}

/** Records requests and token bodies; optionally rewrites the token response. */
class Wire {
  readonly requests: Recorded[] = [];
  /** Raw token bodies and everything secret they carried (for the leak checks). */
  readonly secrets = new Set<string>();
  rewrite: Rewrite | undefined;
  /** Send the rewritten body as plain JSON even when the mock sealed it. */
  unsealed = false;

  constructor(
    private readonly forward: (request: Request) => Promise<Response>,
    private readonly s: PartnerSwitches,
  ) {}

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    this.requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.clone().text(),
    });
    const response = await this.forward(request);
    if (!new URL(request.url).pathname.endsWith('/token')) return response;
    return this.tokenResponse(response);
  };

  private async tokenResponse(response: Response): Promise<Response> {
    const text = await response.text();
    let body = JSON.parse(text) as Record<string, unknown>;
    const sealed = typeof body.data === 'string' && typeof body.key === 'string';
    if (sealed) {
      this.secrets.add((body.data as string).slice(0, 24));
      this.secrets.add((body.key as string).slice(1, 25));
      body = await openEnvelope(body, { privateKey: RP_KEYS.privateKey, mode: this.s.aesMode })
        // a deliberately broken envelope (fault switch) is passed on as it came
        .catch(() => ({}));
    }
    for (const name of ['access_token', 'refresh_token']) {
      const value = body[name];
      if (typeof value === 'string') this.secrets.add(value);
    }
    if (this.rewrite === undefined || !response.ok) return new Response(text, response);
    const out = await this.rewrite(body);
    const sent =
      sealed && !this.unsealed
        ? await sealEnvelope(out, { publicKey: RP_KEYS.publicKey, mode: this.s.aesMode })
        : out;
    return Response.json(sent, { status: response.status });
  }

  /** The requests after `mark` (an index into `requests`). */
  since(mark: number): Recorded[] {
    return this.requests.slice(mark);
  }
}

interface Target extends MockTarget {
  /** How the browser and core reach the mock. */
  forward(request: Request): Promise<Response>;
}

const CLIENTS = TABLE.map(partnerClient);
let idp: MockIdp | undefined;

const TARGETS: Target[] = [
  {
    name: 'in-process',
    issuer: ISSUER,
    async start() {
      idp = createMockIdp({ issuer: ISSUER, autoApprove: true, clients: CLIENTS });
      await idp.ready;
    },
    stop: () => Promise.resolve(),
    forward: (request) => (idp as MockIdp).fetch(request),
  },
  overHttp(CLIENTS, { forward: (request: Request) => fetch(request) }),
];

/** Logs the level-2 persona in through the partner profile; the RP records its wire. */
async function login(
  target: Target,
  s: PartnerSwitches,
): Promise<{ rp: RelyingParty; wire: Wire; tokens: TokenSet }> {
  const wire = new Wire((r) => target.forward(r), s);
  const rp = partnerRp(target.issuer, s, { fetch: wire.fetch });
  const result = await headlessLogin(rp, AN.persona, (r) => target.forward(r), {
    level: 2,
    claims: ['name'],
  });
  expect(result.tokens.refreshToken).toBeTypeOf('string');
  return { rp, wire, tokens: result.tokens };
}

/** Whom the access token belongs to, asked at the mock's userinfo (opened when enveloped). */
async function citizenOf(target: Target, s: PartnerSwitches, accessToken: string) {
  const response = await target.forward(
    new Request(`${target.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${accessToken}` },
    }),
  );
  if (!response.ok) return `HTTP ${response.status}`;
  const body = await openEnvelope(await response.text(), {
    privateKey: RP_KEYS.privateKey,
    mode: s.aesMode,
  });
  return body.citizenPid;
}

/** Refreshes, expects a DinhDanhError; returns it with every way it can be printed. */
async function failedRefresh(rp: RelyingParty, tokens: TokenSet) {
  try {
    await rp.refresh(tokens);
  } catch (error) {
    if (!isDinhDanhError(error)) throw error;
    return {
      code: error.code,
      message: error.message,
      hasCause: error.cause !== undefined,
      text: [error.message, JSON.stringify(error), String(error), error.stack ?? ''].join('\n'),
    };
  }
  throw new Error('expected the refresh to fail');
}

function expectNoLeak(text: string, wire: Wire, tokens: TokenSet): void {
  const secrets = [...wire.secrets, tokens.accessToken, tokens.refreshToken ?? '', SECRET];
  expect(secrets.length).toBeGreaterThan(4);
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(7);
    expect(text).not.toContain(secret);
  }
  expect(text).not.toContain(AN.pid);
}

for (const target of TARGETS) {
  describe(`partner refresh ${target.name}`, () => {
    beforeAll(() => target.start());
    afterAll(() => target.stop());

    it.each(TABLE.map((s) => [describeSwitches(s), s] as const))(
      '%s: login, then refresh through the partner token request',
      async (_name, s) => {
        const { rp, wire, tokens } = await login(target, s);
        const mark = wire.requests.length;
        const next = await rp.refresh(tokens);

        // One request: the token endpoint, form body with client_secret_post, no Basic auth.
        const sent = wire.since(mark);
        expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${target.issuer}/token`]);
        const [request] = sent as [Recorded];
        expect(request.headers.get('content-type')).toContain('application/x-www-form-urlencoded');
        expect(request.headers.get('authorization')).toBeNull();
        expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
          grant_type: 'refresh_token',
          refresh_token: tokens.refreshToken,
          client_id: partnerClientId(s),
          client_secret: SECRET,
        });

        // New tokens, rotated refresh token, no ID token, same shape as the login's.
        expect(next.accessToken).toBeTypeOf('string');
        expect(next.accessToken).not.toBe(tokens.accessToken);
        expect(next.refreshToken).toBeTypeOf('string');
        expect(next.refreshToken).not.toBe(tokens.refreshToken);
        expect(next.tokenType).toBe(tokens.tokenType);
        expect(next.expiresAt).toBeTypeOf('number');
        expect(next.scope).toBe(tokens.scope);
        expect(next.idToken).toBeUndefined();

        // The new access token is the citizen's; the rotated refresh token refreshes again.
        expect(await citizenOf(target, s, next.accessToken)).toBe(AN.pid);
        const third = await rp.refresh(next);
        expect(third.refreshToken).not.toBe(next.refreshToken);
        expect(await citizenOf(target, s, third.accessToken)).toBe(AN.pid);
      },
    );

    it('rotation: the old refresh token is refused afterwards (invalid_grant surfaced)', async () => {
      const s = sw('both', 'cbc');
      const { rp, wire, tokens } = await login(target, s);
      const next = await rp.refresh(tokens);
      const reused = await failedRefresh(rp, tokens);
      expect(reused.code).toBe('invalid_grant');
      expectNoLeak(reused.text, wire, tokens);
      // The mock treats reuse as theft (RFC 9700 §4.14): the whole grant is revoked.
      expect(await errorCode(() => rp.refresh(next))).toBe('invalid_grant');
    });
  });
}

describe('partner refresh: rotation semantics, ID tokens, endpoints', () => {
  const target = TARGETS[0] as Target;
  beforeAll(() => target.start());

  for (const s of [sw('both', 'ecb'), sw('userinfo', 'cbc')]) {
    it(`${describeSwitches(s)}: no refresh_token in the answer → the old one is kept`, async () => {
      const { rp, wire, tokens } = await login(target, s);
      wire.rewrite = ({ refresh_token: _dropped, ...rest }) => rest;
      const next = await rp.refresh(tokens);
      expect(next.accessToken).not.toBe(tokens.accessToken);
      expect(next.refreshToken).toBe(tokens.refreshToken);
    });
  }

  it('an id_token in a partner refresh answer is dropped unverified (never returned, no JWKS fetched)', async () => {
    const s = sw('both', 'ecb');
    const { rp, wire, tokens } = await login(target, s);
    // Signed by a key nobody trusts, about another person: it must never reach the app.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: '079192004567' })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(target.issuer)
      .setAudience(partnerClientId(s))
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    wire.rewrite = (body) => ({ ...body, id_token: forged });
    const mark = wire.requests.length;
    const next = await rp.refresh(tokens);
    expect(next.idToken).toBeUndefined();
    expect(JSON.stringify(next)).not.toContain(forged);
    expect(wire.since(mark).map((r) => new URL(r.url).pathname)).toEqual(['/token']);
  });

  it('static endpoints (no discovery document): refresh asks nothing but the token endpoint', async () => {
    const s = sw('both', 'cbc');
    const wire = new Wire((r) => target.forward(r), s);
    const rp = partnerRp(target.issuer, s, {
      fetch: wire.fetch,
      provider: vneidPartner({
        ...profileFor(s),
        endpoints: {
          authorization: `${target.issuer}/authorize`,
          token: `${target.issuer}/token`,
          userinfo: `${target.issuer}/userinfo`,
        },
      }),
    });
    const { tokens } = await headlessLogin(rp, AN.persona, (r) => target.forward(r), {
      level: 2,
    });
    const next = await rp.refresh(tokens);
    expect(next.refreshToken).not.toBe(tokens.refreshToken);
    const paths = wire.requests.map((r) => new URL(r.url).pathname);
    expect(paths).not.toContain('/.well-known/openid-configuration');
    expect(paths.at(-1)).toBe('/token');
  });

  it('a token_endpoint off the issuer is refused before the refresh token is sent', async () => {
    const s = sw('both', 'ecb');
    const { tokens } = await login(target, s);
    const seen: string[] = [];
    const rp = partnerRp(target.issuer, s, {
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push(request.url);
        const response = await target.forward(request);
        if (!request.url.endsWith('/.well-known/openid-configuration')) return response;
        const metadata = (await response.json()) as Record<string, unknown>;
        return Response.json({ ...metadata, token_endpoint: 'https://elsewhere.example/token' });
      },
    });
    expect(await errorCode(() => rp.refresh(tokens))).toBe('provider_response_invalid');
    expect(seen.filter((url) => !url.includes('/.well-known/'))).toEqual([]);
  });

  it('tokens without a refresh token → input_invalid, nothing sent', async () => {
    const s = sw('both', 'ecb');
    const { rp, wire, tokens } = await login(target, s);
    const { refreshToken: _none, ...without } = tokens;
    const mark = wire.requests.length;
    expect(await errorCode(() => rp.refresh(without))).toBe('input_invalid');
    expect(await errorCode(() => rp.refresh({ ...tokens, refreshToken: '' }))).toBe(
      'input_invalid',
    );
    expect(wire.since(mark)).toEqual([]);
  });
});

describe('partner refresh: bodies that do not open → envelope_invalid, one message, no leak', () => {
  const target = TARGETS[0] as Target;
  beforeAll(() => target.start());

  const FAULTS: readonly FaultName[] = [
    'partner_envelope_wrong_key',
    'partner_envelope_truncated_data',
    'partner_envelope_bad_padding',
    'partner_envelope_key_not_base64',
    'partner_token_missing_access_token',
  ];
  const cases = FAULTS.flatMap((fault) =>
    (['ecb', 'cbc'] as const).map((m) => [fault, m] as const),
  );

  it.each(cases)('%s on the refresh answer (%s)', async (fault, mode) => {
    const s = sw('both', mode);
    const { rp, wire, tokens } = await login(target, s);
    (idp as MockIdp).setFaults({ name: fault });
    const error = await failedRefresh(rp, tokens);
    expect((idp as MockIdp).faults).toEqual([]); // the refresh answer took the fault
    expect(error).toMatchObject({
      code: 'envelope_invalid',
      message: ENVELOPE_INVALID_MESSAGE,
      hasCause: false,
    });
    expectNoLeak(error.text, wire, tokens);
  });

  it('a plain body where the token envelope is configured is refused (no fallback)', async () => {
    const s = sw('both', 'cbc');
    const { rp, wire, tokens } = await login(target, s);
    // What someone able to alter the response would send: the real tokens, unencrypted.
    let plain: Record<string, unknown> = {};
    wire.rewrite = (body) => (plain = body);
    wire.unsealed = true;
    const error = await failedRefresh(rp, tokens);
    expect(plain.access_token).toBeTypeOf('string');
    expect(error).toMatchObject({
      code: 'envelope_invalid',
      message: ENVELOPE_INVALID_MESSAGE,
      hasCause: false,
    });
    expectNoLeak(error.text, wire, tokens);
  });
});
