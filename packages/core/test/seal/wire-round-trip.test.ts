/**
 * Every field of each wire object the handlers seal survives a seal/unseal round trip: a
 * field the schema drops (as `required` once was) would otherwise fail open. The fixtures
 * are checked against the schemas' own keys, so a field added later must be added here.
 */
import { describe, expect, it } from 'vitest';
import {
  createAuthHandlers,
  sealSession,
  sealTransaction,
  unsealSession,
  unsealTransaction,
  type LoginTransaction,
  type QrLoginHandle,
  type Session,
} from '@dinhdanh/core';
import { sessionSchema } from '../../src/sessions/session';
import { loginTransactionSchema, qrLoginHandleSchema } from '../../src/rp/wire';
import { fakeRp, ORIGIN, SECRET } from '../handlers/support';

const T0 = Date.UTC(2026, 0, 1);
const now = () => T0;

interface SchemaDef {
  readonly innerType?: { readonly _zod: { readonly def: SchemaDef } };
  readonly shape?: object;
}

/** The property names a (possibly readonly-wrapped) object schema declares. */
function keysOf(schema: { readonly _zod: { readonly def: unknown } }): string[] {
  let def = schema._zod.def as SchemaDef;
  while (def.innerType !== undefined) def = def.innerType._zod.def;
  return Object.keys(def.shape ?? {}).sort();
}

const transaction: Required<LoginTransaction> = {
  v: 1,
  state: 'state-abc',
  nonce: 'nonce-abc',
  codeVerifier: 'verifier-abc-verifier-abc-verifier-abc-verifier',
  level: 2,
  claims: ['name', 'phone', 'pid'],
  required: ['phone'],
  purpose: 'Mở tài khoản',
  returnTo: '/accounts',
  maxAge: 300,
  redirectUri: 'https://bank.example/auth/callback',
  issuer: 'https://id.example',
  createdAt: T0,
};

const handle: Required<QrLoginHandle> = {
  v: 1,
  transport: 'device_code',
  ref: 'device-code-1',
  level: 2,
  claims: ['name', 'phone'],
  required: ['phone'],
  purpose: 'Mở tài khoản',
  issuer: 'https://id.example',
  createdAt: T0,
  expiresAt: T0 + 600_000,
  interval: 5,
};

const session: Required<Session> = {
  id: 'session-id-0123456789',
  sub: 'sub-1',
  issuer: 'https://id.example',
  sid: 'sid-1',
  level: 2,
  identity: {
    subject: 'sub-1',
    issuer: 'https://id.example',
    provider: 'vneid',
    accountType: 'citizen',
    level: 2,
    attributes: { name: { full: 'Nguyễn Văn An' }, phone: '+84912345678' },
  },
  relyingParty: { issuer: 'https://id.example', clientId: 'bank' },
  tokens: { accessToken: 'at-secret', tokenType: 'Bearer' },
  createdAt: T0,
  expiresAt: T0 + 3600_000,
};

describe('wire objects survive sealing whole', () => {
  it('the fixtures set every field their schema declares', () => {
    expect(Object.keys(transaction).sort()).toEqual(keysOf(loginTransactionSchema));
    expect(Object.keys(handle).sort()).toEqual(keysOf(qrLoginHandleSchema));
    expect(Object.keys(session).sort()).toEqual(keysOf(sessionSchema));
  });

  it('LoginTransaction: every field round-trips', async () => {
    const sealed = await sealTransaction(transaction, { secrets: SECRET, now });
    expect(await unsealTransaction(sealed, { secrets: SECRET, now })).toEqual(transaction);
  });

  it('Session: every field but the tokens round-trips (a cookie never carries tokens)', async () => {
    const sealed = await sealSession(session, { secrets: SECRET, now });
    const { tokens: _tokens, ...withoutTokens } = session;
    expect(await unsealSession(sealed, { secrets: SECRET, now })).toEqual(withoutTokens);
  });

  it('QrLoginHandle: every field comes back from the QR cookie to pollQrLogin', async () => {
    const rp = fakeRp();
    rp.startQrLogin = () =>
      Promise.resolve({
        handle,
        qrUri: 'https://id.example/device',
        expiresAt: handle.expiresAt,
        interval: 5,
      });
    const polled: QrLoginHandle[] = [];
    rp.pollQrLogin = (h) => {
      polled.push(h);
      return Promise.resolve({ status: 'pending' });
    };
    const auth = createAuthHandlers(rp, { secrets: SECRET, now });
    const start = await auth.qrStart(
      new Request(`${ORIGIN}/auth/qr/start`, {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(start.status).toBe(200);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await auth.qrPoll(new Request(`${ORIGIN}/auth/qr/poll`, { headers: { cookie } }));
    expect(polled).toEqual([handle]);
  });
});
