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
