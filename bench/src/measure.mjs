/* global performance */
/** Runs `total` calls of `fn` with `concurrency` in flight; returns calls per second. */
export async function throughput(total, concurrency, fn) {
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started += 1;
      await fn();
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - begin) / 1000);
}

/** The median of some numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Warms every target up at 1 and at 8 in flight, then runs `rounds` rounds of `logins1`
 * calls at 1 in flight and `logins8` at 8, target after target, the order reversed every
 * other round (so no target always runs first, right after another's burst); sets each
 * target's `at1` and `at8` to the median calls per second of its rounds.
 *
 * With `cpu` (a function returning cumulative CPU milliseconds by process, e.g.
 * `{ client, mock }`), each target also gets `cpuPerCall`: the CPU milliseconds each
 * process spent per call over the measured rounds, a figure that load from other programs
 * on the machine moves far less than it moves the rates.
 */
export async function loginRates(targets, { warmup, logins1, logins8, rounds, cpu }) {
  // At 8 too: the first run at 8 opens the extra connections, which targets sharing an
  // origin (one mock, two clients) would otherwise leave to whichever target runs first.
  for (const t of targets) await throughput(warmup, 1, t.run);
  for (const t of targets) await throughput(warmup, 8, t.run);
  for (const t of targets) Object.assign(t, { rounds1: [], rounds8: [], calls: 0, cpuMs: {} });
  const measured = async (t, total, concurrency) => {
    const before = cpu?.();
    const rate = await throughput(total, concurrency, t.run);
    if (before !== undefined) {
      const after = cpu();
      for (const name of Object.keys(after))
        t.cpuMs[name] = (t.cpuMs[name] ?? 0) + after[name] - before[name];
    }
    t.calls += total;
    return rate;
  };
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) t.rounds1.push(await measured(t, logins1, 1));
    for (const t of order) t.rounds8.push(await measured(t, logins8, 8));
  }
  for (const t of targets) {
    t.at1 = median(t.rounds1);
    t.at8 = median(t.rounds8);
    t.cpuPerCall = Object.fromEntries(
      Object.entries(t.cpuMs).map(([name, ms]) => [name, ms / t.calls]),
    );
  }
}
