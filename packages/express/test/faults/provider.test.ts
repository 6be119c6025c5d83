/**
 * The provider misbehaving under bounded concurrent traffic (12 users, 6 personas, a few
 * seconds each): down at start-up, down or hanging mid-traffic, slow and hanging JWKS,
 * token endpoint 5xx and invalid_grant, key rotation. Every answer is a success or a clean
 * error status, the app recovers on its own, and no session is lost, revived or mixed.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startRig, type Rig } from './rig';
import { Ledger, recovered, traffic, users, type VirtualUser } from './users';

/** A rig of its own (the start-up case). */
let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
/** The rig the mid-traffic cases share, each with new users; every case clears its fault. */
let shared: Rig | undefined;
afterAll(async () => {
  await shared?.close();
});

/** Traffic before, during and after a fault; the ledger must be clean. */
async function underFault(
  arm: (rig: Rig) => Promise<void> | void,
  clear: (rig: Rig) => Promise<void> | void,
  ms = 1_000,
): Promise<{ ledger: Ledger; all: VirtualUser[]; recoveryMs: number }> {
  shared ??= await startRig();
  const rig = shared;
  await rig.provider.set('up');
  rig.mock.idp.clearFaults();
  const ledger = new Ledger();
  const all = users(rig.app, ledger);
  await traffic(all, 400);
  await arm(rig);
  // Half the users sign out as the fault starts, so logins meet the fault.
  await Promise.all(all.filter((_, i) => i % 2 === 0).map((user) => user.logout()));
  await traffic(all, ms);
  await clear(rig);
  const recoveryMs = await recovered(all);
  await traffic(all, 300);
  for (const user of all) await user.checkEnded();
  if (process.env.FAULTS_REPORT === '1') {
    console.info(expect.getState().currentTestName, recoveryMs, 'ms', ledger.summary());
  }
  expect(ledger.violations, JSON.stringify(ledger.summary())).toEqual([]);
  return { ledger, all, recoveryMs };
}

const errorCode = async (response: Response) =>
  ((await response.json()) as { error?: { code?: string } }).error?.code;

describe('provider faults under load', () => {
  it('down at start-up: a clear error, no crash, and the first login after it returns works', async () => {
    rig = await startRig({ providerDown: true });
    const login = await fetch(`${rig.app}/auth/login`, { redirect: 'manual' });
    expect(login.status).toBe(502);
    expect(await errorCode(login)).toBe('discovery_failed');
    const ledger = new Ledger();
    const all = users(rig.app, ledger);
    await traffic(all, 500);
    expect(ledger.logins).toBe(0);
    await rig.provider.set('up');
    const first = users(rig.app, ledger, 1)[0]!;
    expect(await first.login()).toBe(true);
    expect(await first.whoami()).toBe('ok');
    await recovered(all);
    expect(ledger.violations).toEqual([]);
  });

  for (const mode of ['down', 'hang'] as const) {
    it(`${mode} mid-traffic: clean errors, bounded waits, then recovery`, async () => {
      const { ledger } = await underFault(
        (r) => r.provider.set(mode),
        (r) => r.provider.set('up'),
      );
      // Signed-in users kept reading their own sessions while the provider was away.
      expect(ledger.reads).toBeGreaterThan(0);
      expect(
        ledger.statuses.get('login 502') ?? 0,
        JSON.stringify(ledger.summary()),
      ).toBeGreaterThan(0);
    });
  }

  it('slow JWKS (300 ms a fetch): every login still succeeds', async () => {
    const { ledger } = await underFault(
      (r) => {
        r.rp.clearCaches();
        r.mock.idp.setFaults({ name: 'jwks_delay', delayMs: 300, times: 1_000 });
      },
      (r) => r.mock.idp.clearFaults(),
    );
    expect([...ledger.statuses.keys()].filter((k) => /^callback (?!302|303)/.test(k))).toEqual([]);
  });

  it('hanging JWKS (past the 1 s timeout): logins fail cleanly, then recover', async () => {
    const { ledger } = await underFault(
      (r) => {
        r.rp.clearCaches();
        r.mock.idp.setFaults({ name: 'jwks_delay', delayMs: 10_000, times: 1_000 });
      },
      (r) => r.mock.idp.clearFaults(),
    );
    expect(
      ledger.statuses.get('callback 502') ?? ledger.statuses.get('callback 503') ?? 0,
    ).toBeGreaterThan(0);
  });

  for (const fault of ['token_server_error', 'token_invalid_grant'] as const) {
    it(`${fault} at the token endpoint: clean errors, then recovery`, async () => {
      const { ledger } = await underFault(
        (r) => r.mock.idp.setFaults({ name: fault, times: 1_000 }),
        (r) => r.mock.idp.clearFaults(),
      );
      const failed = [...ledger.statuses].filter(([k]) => /^callback (?!302|303)/.test(k));
      expect(failed.length).toBeGreaterThan(0);
    });
  }

  it('key rotation under load: no login fails across it', async () => {
    const { ledger } = await underFault(
      async (r) => {
        await r.mock.idp.rotateKeys();
      },
      () => undefined,
    );
    const failed = [...ledger.statuses].filter(([k]) =>
      /^(login|callback|provider) (?!302|303)/.test(k),
    );
    expect(failed).toEqual([]);
  });
});
