/** memoryShareResultStore and the options of withShareTransactions. */
import { describe, expect, it } from 'vitest';
import { oidc } from '@dinhdanh/core';
import type { ProviderProfile } from '@dinhdanh/core';
import { memoryShareResultStore, withShareTransactions } from '@dinhdanh/core/vneid-partner';
import type { ShareOutcome, ShareTransactionOptions } from '@dinhdanh/core/vneid-partner';
import { failure } from './fixture';

const OUTCOME: ShareOutcome = { txnId: 't-1', status: 'denied' };

describe('memoryShareResultStore', () => {
  it('gives a result once, then forgets it', async () => {
    const store = memoryShareResultStore({ now: () => 0 });
    await store.put('t-1', OUTCOME, 1000);
    expect(await store.take('t-1')).toEqual(OUTCOME);
    expect(await store.take('t-1')).toBeUndefined();
  });

  it('forgets a result when it expires, and ignores one already expired', async () => {
    const clock = { t: 0 };
    const store = memoryShareResultStore({ now: () => clock.t });
    await store.put('t-1', OUTCOME, 1000);
    await store.put('t-2', OUTCOME, 0);
    clock.t = 1000;
    expect(await store.take('t-1')).toBeUndefined();
    expect(await store.take('t-2')).toBeUndefined();
  });

  it('keeps at most maxEntries, dropping the ones closest to expiry', async () => {
    const store = memoryShareResultStore({ now: () => 0, maxEntries: 2 });
    await store.put('soon', OUTCOME, 10);
    await store.put('later', OUTCOME, 100);
    await store.put('new', OUTCOME, 50);
    expect(await store.take('soon')).toBeUndefined();
    expect(await store.take('later')).toEqual(OUTCOME);
    expect(await store.take('new')).toEqual(OUTCOME);
  });
});

describe('withShareTransactions options', () => {
  const bad: [string, ShareTransactionOptions][] = [
    ['results', { results: {} as unknown as NonNullable<ShareTransactionOptions['results']> }],
    ['endpoint', { endpoint: 'http://share.example/share' }],
    ['endpoint', { endpoint: 'not a url' }],
    ['serviceCode', { serviceCode: 'has spaces' }],
    ['interval', { interval: 0 }],
    ['interval', { interval: 1.5 }],
    ['pollProvider', { pollProvider: false }],
  ];
  for (const [path, options] of bad) {
    it(`refuses a bad ${path}: config_invalid`, async () => {
      const error = await failure(
        Promise.resolve().then(() => withShareTransactions(oidc(), options)),
      );
      expect(error.code).toBe('config_invalid');
    });
  }

  it('refuses a missing profile: config_invalid', async () => {
    const error = await failure(
      Promise.resolve().then(() => withShareTransactions(undefined as unknown as ProviderProfile)),
    );
    expect(error.code).toBe('config_invalid');
  });

  it('keeps the profile as it was (id, dialect) and leaves it unchanged', () => {
    const base = oidc();
    const profile = withShareTransactions(base, { endpoint: 'http://localhost:9400/share' });
    expect(profile.id).toBe(base.id);
    expect(profile.dialect).toBe(base.dialect);
    expect(base).not.toHaveProperty('crossDevice');
  });
});
