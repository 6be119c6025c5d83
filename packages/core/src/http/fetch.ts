/** The `fetch` and the sleep the engine is given: both injectable. */

/** The `fetch` the engine uses: injectable for tests, msw and in-process providers. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Sleeps without timers tests cannot control: the engine awaits this between retries. */
export type Sleep = (ms: number) => Promise<void>;

/** Default sleep. */
export const defaultSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
