import { readBounded } from './bounded-fetch';

/** The `fetch` the engine uses: injectable for tests, msw and in-process providers. */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Sleeps without timers tests cannot control: the engine awaits this between retries. */
export type Sleep = (ms: number) => Promise<void>;

/** Default sleep. */
export const defaultSleep: Sleep = (ms) =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Reads a JSON object body, bounded in size; `undefined` when it is not a JSON object. */
export async function readJsonObject(
  response: Response,
  maxBytes: number,
): Promise<Record<string, unknown> | undefined> {
  const bytes = await readBounded(response, maxBytes);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
