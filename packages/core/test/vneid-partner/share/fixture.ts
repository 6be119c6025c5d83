/** A scripted share API (the provider side) and a relying party with share transactions. */
import { createRelyingParty, oidc } from '@dinhdanh/core';
import type { ProviderProfile, RelyingParty, RelyingPartyConfig } from '@dinhdanh/core';
import { vneidPartner, withShareTransactions } from '@dinhdanh/core/vneid-partner';
import type { ShareTransactionOptions } from '@dinhdanh/core/vneid-partner';
import { rsaPair } from '../keys.fixture';

export const ISSUER = 'https://vneid.share.test';
export const CLIENT_ID = 'bank-share';
export const CLIENT_SECRET = 'share-client-secret-0123456789-abcdefgh';
export const HOOK_SECRET = 'share-webhook-secret-0123456789-abcdefgh';
export const TXN_ID = 'TxnSecretId0123456789';
export const PID = '001085012345'; // synthetic, valid structure
export const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
export const PURPOSE = 'Mở tài khoản thanh toán';

const pair = rsaPair();

/** The claims a level-2 synthetic citizen shares, in the vneid-partner dialect. */
export function partnerData(level = 2): Record<string, unknown> {
  return {
    citizenPid: PID,
    fullName: 'Nguyễn Văn An',
    birthDate: '15/03/1985',
    gender: 'Nam',
    accountType: 'CITIZEN',
    accountLevel: level,
  };
}

/** A share result as the provider sends it. */
export function outcome(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    txnId: TXN_ID,
    status: 'approved',
    serviceCode: 'share-info',
    purpose: PURPOSE,
    attributes: ['pid', 'name'],
    createdAt: new Date(NOW).toISOString(),
    expiresAt: new Date(NOW + 300_000).toISOString(),
    answeredAt: new Date(NOW + 10_000).toISOString(),
    data: partnerData(),
    ...extra,
  };
}

/** One request the fake provider received. */
export interface Seen {
  readonly url: string;
  readonly headers: Headers;
  readonly form: URLSearchParams;
}

/** The fake provider: answers `/share` and `/share/{txnId}/status` as scripted. */
export interface FakeShareApi {
  seen: Seen[];
  start: () => Response;
  status: () => Response;
  fetch: NonNullable<RelyingPartyConfig['fetch']>;
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function fakeShareApi(): FakeShareApi {
  const api: FakeShareApi = {
    seen: [],
    start: () =>
      json(
        {
          txnId: TXN_ID,
          link: `${ISSUER}/share/${TXN_ID}`,
          qr: `${ISSUER}/share/${TXN_ID}`,
          expiresAt: new Date(NOW + 300_000).toISOString(),
          expiresIn: 300,
        },
        201,
      ),
    status: () => json(outcome({ status: 'pending', data: undefined })),
    fetch: async (input, init) => {
      const request = new Request(input, init);
      api.seen.push({
        url: request.url,
        headers: request.headers,
        form: new URLSearchParams(await request.text()),
      });
      if (request.url === `${ISSUER}/share`) return api.start();
      if (request.url.endsWith('/status')) return api.status();
      return json({ error: 'not_found' }, 404);
    },
  };
  return api;
}

/** A relying party with share transactions against the fake provider. */
export function shareRp(
  api: FakeShareApi,
  options: ShareTransactionOptions = {},
  extra: Partial<RelyingPartyConfig> & { base?: ProviderProfile } = {},
  clock: { t: number } = { t: NOW },
): RelyingParty {
  const { base, ...config } = extra;
  return createRelyingParty({
    issuer: ISSUER,
    clientId: CLIENT_ID,
    redirectUri: 'https://bank.example/auth/callback',
    clientAuth: { method: 'client_secret_post', clientSecret: CLIENT_SECRET },
    provider: withShareTransactions(
      base ?? vneidPartner({ privateKey: pair.pkcs8, envelope: { token: false, userinfo: false } }),
      options,
    ),
    fetch: api.fetch,
    now: () => clock.t,
    ...config,
  });
}

export { oidc };

/** The DinhDanhError a promise rejects with, and all its text (to check for leaks). */
export { failure } from '../failure.fixture';

/** Asserts that a text carries none of the secrets. */
export function noLeak(text: string): void {
  for (const secret of [TXN_ID, CLIENT_SECRET, HOOK_SECRET, PID]) {
    if (text.includes(secret)) throw new Error(`leaked a secret: ${text}`);
  }
}
