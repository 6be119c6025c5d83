/**
 * The attacks the hostile provider serves, each with the exact code and `path` core must
 * answer. docs/security.md shows this table (security-doc.test.ts keeps the two in step).
 */
import {
  createRelyingParty,
  type RelyingPartyConfig,
  type StartLoginOptions,
} from '@dinhdanh/core';
import { CLIENT_ID, compact, publicJwk, REDIRECT_URI, type HostileProvider } from './provider';

/** A relying party for the hostile provider: short waits so hanging endpoints fail fast. */
export function rpOf(hp: HostileProvider, extra: Partial<RelyingPartyConfig> = {}) {
  return createRelyingParty({
    issuer: hp.issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'synthetic-secret-0123456789abcdef',
    },
    httpTimeoutMs: 1000,
    discoveryAttempts: 1,
    discoveryBackoffMs: 0,
    ...extra,
  });
}

export interface LoginPlan {
  config?: Partial<RelyingPartyConfig>;
  start?: StartLoginOptions;
  /** Changes the callback's query (state, code = the nonce, iss) before it is finished. */
  tamper?: (query: URLSearchParams) => void;
}

/** A whole login against the provider: start, a callback as the provider would send, finish. */
export async function login(hp: HostileProvider, plan: LoginPlan = {}) {
  const rp = rpOf(hp, plan.config);
  const { transaction } = await rp.startLogin(plan.start);
  const query = new URLSearchParams({
    state: transaction.state,
    code: transaction.nonce ?? '',
    iss: hp.issuer,
  });
  plan.tamper?.(query);
  return rp.finishLogin(`${REDIRECT_URI}?${query.toString()}`, transaction);
}

/** Serves this ID token (built from the login's nonce) and logs in. */
function withIdToken(
  hp: HostileProvider,
  build: (nonce: string) => Promise<string | undefined>,
  plan: LoginPlan = {},
) {
  hp.idToken = build;
  return login(hp, plan);
}

export interface AttackCase {
  /** What the provider does (one line of docs/security.md). */
  attack: string;
  code: string;
  path: string;
  run(hp: HostileProvider): Promise<unknown>;
}

const hour = 3600;
const nowS = () => Math.floor(Date.now() / 1000);

export const ATTACKS: readonly AttackCase[] = [
  {
    attack: 'ID token with `alg: none` (unsigned)',
    code: 'alg_not_allowed',
    path: 'alg',
    run: (hp) =>
      withIdToken(hp, (nonce) =>
        Promise.resolve(
          compact(
            { alg: 'none', kid: 'k1' },
            {
              iss: hp.issuer,
              aud: CLIENT_ID,
              sub: 'citizen-1',
              nonce,
              iat: nowS(),
              exp: nowS() + 300,
            },
          ),
        ),
      ),
  },
  {
    attack: 'ID token signed HS256 with the public key as the secret',
    code: 'alg_not_allowed',
    path: 'alg',
    run: async (hp) => {
      const { createHmac } = await import('node:crypto');
      const secret = JSON.stringify(publicJwk(hp.keys[0]!));
      return withIdToken(hp, (nonce) => {
        const unsigned = compact(
          { alg: 'HS256', kid: 'k1' },
          {
            iss: hp.issuer,
            aud: CLIENT_ID,
            sub: 'citizen-1',
            nonce,
            iat: nowS(),
            exp: nowS() + 300,
          },
        );
        const input = unsigned.slice(0, -1);
        const mac = createHmac('sha256', secret).update(input).digest('base64url');
        return Promise.resolve(`${input}.${mac}`);
      });
    },
  },
  ...(['jwk', 'jku', 'x5u'] as const).map((param): AttackCase => ({
    attack: `ID token signed by the attacker's key, announced in an embedded \`${param}\` header`,
    code: 'signature_invalid',
    path: 'id_token',
    run: async (hp) => {
      const attacker = await hp.newKey('k1');
      const value =
        param === 'jwk' ? publicJwk(attacker) : `http://127.0.0.1:1/${param}/attacker.json`;
      return withIdToken(hp, (nonce) => hp.sign({ nonce }, { [param]: value }, attacker));
    },
  })),
  {
    attack: 'ID token signed with a key the provider does not publish (unknown `kid`)',
    code: 'key_not_found',
    path: 'kid',
    run: async (hp) => {
      const stranger = await hp.newKey('stranger');
      return withIdToken(hp, (nonce) => hp.sign({ nonce }, {}, stranger));
    },
  },
  {
    attack: 'ID token from another issuer (`iss`)',
    code: 'token_invalid',
    path: 'iss',
    run: (hp) => withIdToken(hp, (nonce) => hp.sign({ nonce, iss: 'https://evil.example' })),
  },
  {
    attack: 'ID token for another client (`aud`)',
    code: 'audience_mismatch',
    path: 'aud',
    run: (hp) => withIdToken(hp, (nonce) => hp.sign({ nonce, aud: 'other-client' })),
  },
  {
    attack: 'ID token for this client and another, without `azp`',
    code: 'audience_mismatch',
    path: 'aud',
    run: (hp) => withIdToken(hp, (nonce) => hp.sign({ nonce, aud: [CLIENT_ID, 'other-client'] })),
  },
  {
    attack: 'ID token naming another authorised party (`azp`)',
    code: 'audience_mismatch',
    path: 'azp',
    run: (hp) =>
      withIdToken(hp, (nonce) =>
        hp.sign({ nonce, aud: [CLIENT_ID, 'other-client'], azp: 'other-client' }),
      ),
  },
  {
    attack: 'Expired ID token (`exp`)',
    code: 'token_expired',
    path: 'exp',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.sign({ nonce, iat: nowS() - 2 * hour, exp: nowS() - hour })),
  },
  {
    attack: 'ID token issued in the future (`iat`)',
    code: 'token_not_yet_valid',
    path: 'iat',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.sign({ nonce, iat: nowS() + hour, exp: nowS() + 2 * hour })),
  },
  {
    attack: 'ID token without `iat`',
    code: 'token_invalid',
    path: 'iat',
    run: (hp) => withIdToken(hp, (nonce) => hp.sign({ nonce, iat: undefined })),
  },
  {
    attack: 'ID token without `sub`',
    code: 'token_invalid',
    path: 'sub',
    run: (hp) => withIdToken(hp, (nonce) => hp.sign({ nonce, sub: undefined })),
  },
  {
    attack: 'ID token with another login’s `nonce`',
    code: 'nonce_mismatch',
    path: 'nonce',
    run: (hp) => withIdToken(hp, () => hp.sign({ nonce: 'replayed-nonce' })),
  },
  {
    attack: 'ID token with an unknown critical header (`crit`)',
    code: 'token_invalid',
    path: 'crit',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.signRaw({ nonce }, { crit: ['x-hostile'], 'x-hostile': true })),
  },
  {
    attack: 'ID token whose signature was altered',
    code: 'signature_invalid',
    path: 'id_token',
    run: (hp) =>
      withIdToken(hp, async (nonce) => {
        const token = await hp.sign({ nonce });
        const [header, payload] = token.split('.');
        const forged = await hp.sign({ nonce, sub: 'citizen-2' });
        return `${header}.${payload}.${forged.split('.')[2]}`;
      }),
  },
  {
    attack: 'Malformed ID token (not a JWT)',
    code: 'token_invalid',
    path: 'id_token',
    run: (hp) => withIdToken(hp, () => Promise.resolve('not-a-jwt')),
  },
  {
    attack: 'Token answer without an `id_token`',
    code: 'token_invalid',
    path: 'id_token',
    run: (hp) => withIdToken(hp, () => Promise.resolve(undefined)),
  },
  {
    attack: 'ID token larger than `maxTokenBytes`',
    code: 'token_too_large',
    path: 'id_token',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.sign({ nonce, padding: 'x'.repeat(2048) }), {
        config: { maxTokenBytes: 1024 },
      }),
  },
  {
    attack: 'ID token of about 1 MB (the token answer exceeds its limit)',
    code: 'token_too_large',
    path: 'token_endpoint',
    run: async (hp) => {
      // Signed before the login: signing a megabyte must not count against the time limit.
      const big = await hp.sign({ padding: 'x'.repeat(1 << 20) });
      return withIdToken(hp, () => Promise.resolve(big));
    },
  },
  {
    attack: '`acr` below the requested level',
    code: 'insufficient_level',
    path: 'acr',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.sign({ nonce, acr: 'urn:dinhdanh:loa:1' }), {
        start: { level: 2 },
      }),
  },
  {
    attack: '`auth_time` older than the requested `max_age`',
    code: 'auth_time_too_old',
    path: 'auth_time',
    run: (hp) =>
      withIdToken(hp, (nonce) => hp.sign({ nonce, auth_time: nowS() - 2 * hour }), {
        start: { maxAge: 60 },
      }),
  },
  {
    attack: 'Userinfo about another citizen (`sub`)',
    code: 'sub_mismatch',
    path: 'sub',
    run: (hp) => {
      hp.answers.userinfo = { json: { sub: 'citizen-2', name: 'Nguyễn Văn A' } };
      return login(hp, { start: { claims: ['name'] } });
    },
  },
  {
    attack: 'Callback with another login’s `state`',
    code: 'state_mismatch',
    path: 'state',
    run: (hp) => login(hp, { tamper: (q) => q.set('state', 'forged') }),
  },
  {
    attack: 'Callback from another provider (mix-up `iss`)',
    code: 'iss_mismatch',
    path: 'iss',
    run: (hp) => login(hp, { tamper: (q) => q.set('iss', 'https://evil.example') }),
  },
  {
    attack: 'Callback with the `code` parameter twice (parameter pollution)',
    code: 'callback_parameter_repeated',
    path: 'code',
    run: (hp) => login(hp, { tamper: (q) => q.append('code', 'second-code') }),
  },
  {
    attack: 'Callback without a `code`',
    code: 'callback_invalid',
    path: 'code',
    run: (hp) => login(hp, { tamper: (q) => q.delete('code') }),
  },
  {
    attack: 'Callback `error` carrying a personal ID number',
    code: 'provider_error',
    path: 'error',
    run: (hp) =>
      login(hp, {
        tamper: (q) => {
          q.delete('code');
          q.set('error', '001090012345');
        },
      }),
  },
  {
    attack: 'Callback `error` carrying a JWT',
    code: 'provider_error',
    path: 'error',
    run: async (hp) => {
      const jwt = await hp.sign();
      return login(hp, {
        tamper: (q) => {
          q.delete('code');
          q.set('error', jwt);
        },
      });
    },
  },
  {
    attack: 'Discovery accepts the connection and never answers',
    code: 'discovery_failed',
    path: 'issuer',
    run: (hp) => {
      hp.answers.discovery = 'hang';
      return login(hp);
    },
  },
  {
    attack: 'JWKS accepts the connection and never answers',
    code: 'jwks_failed',
    path: 'jwks_uri',
    run: (hp) => {
      hp.answers.jwks = 'hang';
      return login(hp);
    },
  },
  {
    attack: 'PAR endpoint never answers',
    code: 'provider_unreachable',
    path: 'pushed_authorization_request_endpoint',
    run: (hp) => {
      hp.par = true;
      hp.answers.par = 'hang';
      return login(hp);
    },
  },
  {
    attack: 'Token endpoint never answers',
    code: 'provider_unreachable',
    path: 'token_endpoint',
    run: (hp) => {
      hp.answers.token = 'hang';
      return login(hp);
    },
  },
  {
    attack: 'Userinfo endpoint never answers',
    code: 'provider_unreachable',
    path: 'userinfo_endpoint',
    run: (hp) => {
      hp.answers.userinfo = 'hang';
      return login(hp, { start: { claims: ['name'] } });
    },
  },
];
