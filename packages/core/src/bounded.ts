/**
 * How long a store command may take before the request gives up on it: a Redis that went
 * away behind a client with an offline queue (ioredis' and node-redis' defaults) would
 * otherwise hold every request until it came back.
 */
export const STORE_TIMEOUT_MS = 2_000;

/**
 * Settles like `work`, or rejects with `timeout()` when `work` has not settled in `ms`
 * milliseconds. The work itself is not cancelled (a queued command may still run later).
 */
export function bounded<T>(work: Promise<T>, ms: number, timeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeout()), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
