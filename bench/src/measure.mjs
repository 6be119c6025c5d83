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
 * Warms every target up, then runs `rounds` rounds of `logins1` calls at 1 in flight and
 * `logins8` at 8, target after target; sets each target's `at1` and `at8` to the median
 * calls per second of its rounds.
 */
export async function loginRates(targets, { warmup, logins1, logins8, rounds }) {
  for (const t of targets) await throughput(warmup, 1, t.run);
  for (const t of targets) Object.assign(t, { rounds1: [], rounds8: [] });
  for (let round = 0; round < rounds; round += 1) {
    for (const t of targets) t.rounds1.push(await throughput(logins1, 1, t.run));
    for (const t of targets) t.rounds8.push(await throughput(logins8, 8, t.run));
  }
  for (const t of targets) {
    t.at1 = median(t.rounds1);
    t.at8 = median(t.rounds8);
  }
}
