import fc from 'fast-check';
import { CompactEncrypt, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  isDinhDanhError,
  sealSession,
  sealTransaction,
  unsealSession,
  unsealTransaction,
  type Session,
} from '@dinhdanh/core';
import type { LoginTransaction } from '@dinhdanh/core';
import { sealValue, unsealValue } from '../../src/seal/seal';

const SECRET = 'a-very-long-test-secret-of-at-least-32-bytes!';
const OLD_SECRET = 'the-previous-test-secret-also-32-bytes-long!!';
const T0 = Date.UTC(2026, 0, 1);
const clock = (ms: number) => () => ms;

const transaction: LoginTransaction = {
  v: 1,
  state: 'state-abc',
  nonce: 'nonce-abc',
  codeVerifier: 'verifier-abc-verifier-abc-verifier-abc-verifier',
  level: 2,
  claims: ['name', 'birthdate'],
  purpose: 'Mở tài khoản',
  returnTo: '/accounts',
  redirectUri: 'https://bank.example/auth/callback',
  issuer: 'https://id.example',
  createdAt: T0,
};

const session: Session = {
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
    attributes: { name: { full: 'Nguyễn Văn An' } },
  },
  tokens: { accessToken: 'at-secret', tokenType: 'Bearer' },
  createdAt: T0,
  expiresAt: T0 + 3600_000,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDinhDanhError(error)) return error.code;
    throw error;
  }
  return 'resolved';
}

describe('sealTransaction / unsealTransaction', () => {
  it('round-trips a transaction as a JWE with dir + A256GCM and a kid that is not the secret', async () => {
    const sealed = await sealTransaction(transaction, { secrets: [SECRET], now: clock(T0) });
    expect(sealed.split('.')).toHaveLength(5);
    const header = JSON.parse(
      new TextDecoder().decode(base64url.decode(sealed.split('.')[0]!)),
    ) as Record<string, unknown>;
    expect(header).toMatchObject({ alg: 'dir', enc: 'A256GCM' });
    expect(typeof header.kid).toBe('string');
    expect(sealed).not.toContain(SECRET);
    expect(JSON.stringify(header)).not.toContain(SECRET.slice(0, 8));
    expect(sealed).not.toContain('verifier-abc');
    expect(await unsealTransaction(sealed, { secrets: SECRET, now: clock(T0 + 1000) })).toEqual(
      transaction,
    );
  });

  it("keeps the required attributes (a named request's required list must survive the cookie)", async () => {
    const withRequired = {
      ...transaction,
      claims: ['name', 'phone'],
      required: ['phone'],
    } as const;
    const sealed = await sealTransaction(withRequired, { secrets: [SECRET], now: clock(T0) });
    const opened = await unsealTransaction(sealed, { secrets: SECRET, now: clock(T0 + 1000) });
    expect(opened.required).toEqual(['phone']);
  });

  it('expires after its ttl (default ten minutes) against the injected clock', async () => {
    const sealed = await sealTransaction(transaction, { secrets: SECRET, now: clock(T0) });
    await expect(
      unsealTransaction(sealed, { secrets: SECRET, now: clock(T0 + 599_000) }),
    ).resolves.toEqual(transaction);
    expect(
      await codeOf(unsealTransaction(sealed, { secrets: SECRET, now: clock(T0 + 600_000) })),
    ).toBe('seal_expired');
    const short = await sealTransaction(transaction, { secrets: SECRET, ttl: 5, now: clock(T0) });
    expect(
      await codeOf(unsealTransaction(short, { secrets: SECRET, now: clock(T0 + 5_000) })),
    ).toBe('seal_expired');
  });

  it('unseals with any configured secret: the first seals, all unseal (rotation)', async () => {
    const old = await sealTransaction(transaction, { secrets: [OLD_SECRET], now: clock(T0) });
    const rotated = [SECRET, OLD_SECRET];
    expect(await unsealTransaction(old, { secrets: rotated, now: clock(T0) })).toEqual(transaction);
    const fresh = await sealTransaction(transaction, { secrets: rotated, now: clock(T0) });
    expect(await unsealTransaction(fresh, { secrets: [SECRET], now: clock(T0) })).toEqual(
      transaction,
    );
    expect(await codeOf(unsealTransaction(fresh, { secrets: [OLD_SECRET], now: clock(T0) }))).toBe(
      'seal_invalid',
    );
    expect(await codeOf(unsealTransaction(old, { secrets: [SECRET], now: clock(T0) }))).toBe(
      'seal_invalid',
    );
  });

  it('accepts secrets as bytes', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const sealed = await sealTransaction(transaction, { secrets: bytes, now: clock(T0) });
    expect(await unsealTransaction(sealed, { secrets: [bytes], now: clock(T0) })).toEqual(
      transaction,
    );
  });

  it('refuses missing or short secrets and bad ttl with config_invalid', async () => {
    expect(await codeOf(sealTransaction(transaction, { secrets: 'short' }))).toBe('config_invalid');
    expect(await codeOf(sealTransaction(transaction, { secrets: [] }))).toBe('config_invalid');
    expect(await codeOf(sealTransaction(transaction, { secrets: [SECRET, 'x'.repeat(31)] }))).toBe(
      'config_invalid',
    );
    expect(await codeOf(sealTransaction(transaction, { secrets: new Uint8Array(31) }))).toBe(
      'config_invalid',
    );
    expect(await codeOf(unsealTransaction('x', { secrets: 'short' }))).toBe('config_invalid');
    expect(await codeOf(sealTransaction(transaction, { secrets: SECRET, ttl: 0 }))).toBe(
      'config_invalid',
    );
    expect(await codeOf(sealTransaction(transaction, { secrets: SECRET, ttl: 1.5 }))).toBe(
      'config_invalid',
    );
  });

  it('refuses a tampered seal with seal_invalid', async () => {
    const sealed = await sealTransaction(transaction, { secrets: SECRET, now: clock(T0) });
    const parts = sealed.split('.');
    for (const index of [0, 2, 3, 4]) {
      const part = parts[index]!;
      const flipped = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
      const tampered = parts.map((p, i) => (i === index ? flipped : p)).join('.');
      expect(await codeOf(unsealTransaction(tampered, { secrets: SECRET, now: clock(T0) }))).toBe(
        'seal_invalid',
      );
    }
    expect(await codeOf(unsealTransaction(sealed.slice(0, -3), { secrets: SECRET }))).toBe(
      'seal_invalid',
    );
    expect(await codeOf(unsealTransaction(`${sealed}.x`, { secrets: SECRET }))).toBe(
      'seal_invalid',
    );
  });

  it('refuses a session seal presented as a transaction and vice versa', async () => {
    const sealedSession = await sealSession(session, { secrets: SECRET, now: clock(T0) });
    expect(
      await codeOf(unsealTransaction(sealedSession, { secrets: SECRET, now: clock(T0) })),
    ).toBe('seal_invalid');
    const sealedTx = await sealTransaction(transaction, { secrets: SECRET, now: clock(T0) });
    expect(await codeOf(unsealSession(sealedTx, { secrets: SECRET, now: clock(T0) }))).toBe(
      'seal_invalid',
    );
  });

  it('refuses a well-sealed value of the wrong shape with seal_invalid', async () => {
    const sealed = await sealValue(
      'transaction',
      { v: 2 },
      { secrets: SECRET, ttl: 60, now: clock(T0) },
    );
    expect(await codeOf(unsealTransaction(sealed, { secrets: SECRET, now: clock(T0) }))).toBe(
      'seal_invalid',
    );
  });

  it('refuses a JWE with the right kid but another algorithm or key', async () => {
    const sealed = await sealTransaction(transaction, { secrets: SECRET, now: clock(T0) });
    const header = JSON.parse(
      new TextDecoder().decode(base64url.decode(sealed.split('.')[0]!)),
    ) as {
      kid: string;
    };
    const forged = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A128GCM', kid: header.kid })
      .encrypt(new Uint8Array(16));
    expect(await codeOf(unsealTransaction(forged, { secrets: SECRET }))).toBe('seal_invalid');
    const wrongKey = await new CompactEncrypt(new TextEncoder().encode('{}'))
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: header.kid })
      .encrypt(new Uint8Array(32));
    expect(await codeOf(unsealTransaction(wrongKey, { secrets: SECRET }))).toBe('seal_invalid');
  });
});

describe('sealSession / unsealSession', () => {
  it('round-trips a session without its tokens', async () => {
    const sealed = await sealSession(session, { secrets: SECRET, now: clock(T0) });
    const { tokens: _tokens, ...expected } = session;
    expect(await unsealSession(sealed, { secrets: SECRET, now: clock(T0 + 1000) })).toEqual(
      expected,
    );
  });

  it('expires with the session by default', async () => {
    const sealed = await sealSession(session, { secrets: SECRET, now: clock(T0) });
    expect(
      await codeOf(unsealSession(sealed, { secrets: SECRET, now: clock(session.expiresAt) })),
    ).toBe('seal_expired');
    expect(
      await codeOf(sealSession(session, { secrets: SECRET, now: clock(session.expiresAt) })),
    ).toBe('session_expired');
  });
});

describe('sealing properties', () => {
  it('round-trips arbitrary JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const sealed = await sealValue('session', value, {
          secrets: SECRET,
          ttl: 60,
          now: clock(T0),
        });
        const opened = await unsealValue('session', sealed, { secrets: SECRET, now: clock(T0) });
        expect(opened).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 100 },
    );
  });

  it('opens arbitrary strings only to seal_invalid', async () => {
    const real = await sealTransaction(transaction, { secrets: SECRET });
    const realHeader = real.split('.')[0]!;
    const jweLike = fc
      .array(fc.base64String(), { minLength: 5, maxLength: 5 })
      .map((parts) => parts.join('.'));
    // Our own header (right alg, enc and kid) in front of arbitrary parts.
    const withRealHeader = fc
      .array(fc.string({ unit: 'grapheme-ascii' }), { minLength: 4, maxLength: 4 })
      .map((parts) => [realHeader, ...parts].join('.'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), jweLike, withRealHeader),
        async (input) => {
          expect(await codeOf(unsealTransaction(input, { secrets: SECRET }))).toBe('seal_invalid');
          expect(await codeOf(unsealSession(input, { secrets: SECRET }))).toBe('seal_invalid');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never opens non-strings or huge input', async () => {
    for (const input of [undefined, null, 42, {}, 'x'.repeat(200_000)]) {
      expect(await codeOf(unsealValue('session', input, { secrets: SECRET }))).toBe('seal_invalid');
    }
  });
});
