/**
 * Fuzz: the cookie unsealer (sessions and login transactions). Whatever a browser sends
 * back — a seal truncated, bit-flipped, grown, sealed with a key we no longer hold, for
 * another purpose, or anything at all — opens to the exact value we sealed or fails with
 * seal_invalid / seal_expired.
 */
import fc from 'fast-check';
import { CompactEncrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  sealSession,
  sealTransaction,
  unsealSession,
  unsealTransaction,
  type Session,
} from '@dinhdanh/core';
import type { LoginTransaction } from '@dinhdanh/core';
import { hostileText, mutate, mutation, outcome, runs } from './support';

const SECRET = 'fuzz-seal-secret-fuzz-seal-secret-0123456789';
const FOREIGN = 'someone-elses-secret-someone-elses-secret-99';
const T0 = Date.UTC(2026, 0, 1, 8);
const options = { secrets: [SECRET], now: () => T0 };
const CODES = ['seal_invalid', 'seal_expired'] as const;

const session: Session = {
  id: 'session-id-fuzz-0123456789',
  sub: 'citizen-1',
  issuer: 'https://id.example',
  level: 2,
  identity: {
    subject: 'citizen-1',
    issuer: 'https://id.example',
    provider: 'vneid',
    accountType: 'citizen',
    level: 2,
    attributes: { name: { full: 'Nguyễn Văn An' }, pid: '001090481516' },
  },
  createdAt: T0,
  expiresAt: T0 + 3600_000,
};

const transaction: LoginTransaction = {
  v: 1,
  state: 'state-fuzz',
  nonce: 'nonce-fuzz',
  codeVerifier: 'verifier-fuzz-verifier-fuzz-verifier-fuzz-verifier',
  level: 2,
  claims: ['name'],
  redirectUri: 'https://bank.example/auth/callback',
  issuer: 'https://id.example',
  createdAt: T0,
};

describe('fuzz: cookie unsealer', () => {
  it('a mutated session seal opens to the same session or fails with a seal code', async () => {
    const sealed = await sealSession(session, options);
    const { tokens: _none, ...expected } = session;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const input = mutations.reduce(mutate, sealed);
        const result = await outcome('unsealSession (mutated seal)', CODES, () =>
          unsealSession(input, options),
        );
        // Base64url's unused low bits can flip without changing a byte: then, and only
        // then, the same session comes back. Never another one.
        if (result.ok) expect(result.value).toEqual(expected);
      }),
      { numRuns: runs(150) },
    );
  });

  it('a mutated transaction seal opens to the same transaction or fails with a seal code', async () => {
    const sealed = await sealTransaction(transaction, options);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const input = mutations.reduce(mutate, sealed);
        const result = await outcome('unsealTransaction (mutated seal)', CODES, () =>
          unsealTransaction(input, options),
        );
        if (result.ok) expect(result.value).toEqual(transaction);
      }),
      { numRuns: runs(100) },
    );
  });

  it('arbitrary text, foreign keys, other purposes and forged headers never open', async () => {
    const foreign = await sealSession(session, { secrets: [FOREIGN], now: () => T0 });
    const otherPurpose = await sealTransaction(transaction, options);
    const expired = await sealSession(session, { ...options, ttl: 60, now: () => T0 - 7200_000 });
    const forged = (header: Record<string, unknown>) =>
      new CompactEncrypt(new TextEncoder().encode(JSON.stringify({ p: 'session', v: session })))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', ...header })
        .encrypt(new Uint8Array(32));
    const forgedSeals = await Promise.all([
      forged({}),
      forged({ kid: 'guess' }),
      forged({ zip: 'DEF' }),
    ]);
    const input = fc.oneof(
      hostileText,
      fc.constantFrom(foreign, otherPurpose, expired, ...forgedSeals),
      fc
        .tuple(fc.constantFrom(foreign, otherPurpose, expired), mutation)
        .map(([s, m]) => mutate(s, m)),
      fc.array(hostileText, { minLength: 5, maxLength: 5 }).map((parts) => parts.join('.')),
    );
    await fc.assert(
      fc.asyncProperty(input, async (text) => {
        const result = await outcome('unsealSession (foreign input)', CODES, () =>
          unsealSession(text, options),
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs(200) },
    );
  });

  it('non-string cookie values from untyped callers fail with seal_invalid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (value) => {
        const result = await outcome('unsealSession (any value)', CODES, () =>
          unsealSession(value as string, options),
        );
        expect(result.ok).toBe(false);
      }),
      { numRuns: runs(100) },
    );
  });
});
