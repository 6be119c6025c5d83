import { describe, expect, it } from 'vitest';
// Internal: the session strategies' unsealer is not exported.
import { rememberingUnsealer, sealValue } from '../../src/seal/seal';

const A = 'remembering-secret-a-remembering-secret-a-0123';
const B = 'remembering-secret-b-remembering-secret-b-0123';
const T0 = Date.UTC(2026, 0, 1, 8);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

describe('rememberingUnsealer', () => {
  it('checks the expiry of a remembered seal on every call', async () => {
    let now = T0;
    const sealed = await sealValue('session', { a: 1 }, { secrets: A, ttl: 60, now: () => now });
    const unseal = rememberingUnsealer('session', { secrets: A, now: () => now });
    expect(await unseal(sealed)).toEqual({ a: 1 });
    expect(await unseal(sealed)).toEqual({ a: 1 });
    now = T0 + 60_000;
    expect(await codeOf(unseal(sealed))).toBe('seal_expired');
  });

  it('remembers only what opened under its own purpose and secrets', async () => {
    const now = () => T0;
    const sealed = await sealValue('session', { a: 1 }, { secrets: A, ttl: 60, now });
    const other = rememberingUnsealer('session', { secrets: B, now });
    const ref = rememberingUnsealer('session-ref', { secrets: A, now });
    const mine = rememberingUnsealer('session', { secrets: A, now });
    expect(await mine(sealed)).toEqual({ a: 1 });
    expect(await codeOf(other(sealed))).toBe('seal_invalid');
    expect(await codeOf(ref(sealed))).toBe('seal_invalid');
    // A tampered copy is a different text: opened afresh, and refused.
    const flipped = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(await codeOf(mine(flipped))).toBe('seal_invalid');
    expect(await codeOf(mine(`${sealed}x`))).toBe('seal_invalid');
  });

  it('hands out a frozen value, so no caller can change what the next one reads', async () => {
    const now = () => T0;
    const sealed = await sealValue(
      'session',
      { list: [1], o: { b: 'x' } },
      { secrets: A, ttl: 60, now },
    );
    const unseal = rememberingUnsealer('session', { secrets: A, now });
    const first = (await unseal(sealed)) as { o: { b: string } };
    expect(() => {
      first.o.b = 'changed';
    }).toThrow(TypeError);
    expect(await unseal(sealed)).toEqual({ list: [1], o: { b: 'x' } });
  });
});

describe('rememberingUnsealer, what it remembers', () => {
  it('a seal altered before its tag is opened afresh and refused, the original still opens', async () => {
    const now = () => T0;
    const sealed = await sealValue('session', { a: 1 }, { secrets: A, ttl: 60, now });
    const unseal = rememberingUnsealer('session', { secrets: A, now });
    expect(await unseal(sealed)).toEqual({ a: 1 });
    const parts = sealed.split('.');
    const ciphertext = parts[3] as string;
    parts[3] = `${ciphertext.startsWith('A') ? 'B' : 'A'}${ciphertext.slice(1)}`;
    const sameTag = parts.join('.');
    expect(sameTag.split('.')[4]).toBe(sealed.split('.')[4]);
    expect(await codeOf(unseal(sameTag))).toBe('seal_invalid');
    expect(await unseal(sealed)).toEqual({ a: 1 });
  });

  it('keeps opening seals past its size, old and new, each to its own value', async () => {
    const now = () => T0;
    const unseal = rememberingUnsealer('session', { secrets: A, now }, 4);
    const seals = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        sealValue('session', { n }, { secrets: A, ttl: 60, now }),
      ),
    );
    for (let round = 0; round < 2; round += 1) {
      for (const [n, sealed] of seals.entries()) expect(await unseal(sealed)).toEqual({ n });
    }
  });
});
