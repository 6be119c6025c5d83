/**
 * A bound on every wait for the provider: each request, its body included, must finish
 * within a time limit. Without it a provider that accepts the connection and never answers
 * holds a login (and every login sharing the same key or discovery fetch) for as long as
 * the provider likes.
 */
import type { DinhDanhError } from '../errors';
import type { FetchLike } from './fetch';

/** The error a request that ran out of time fails with, given its URL. */
export type TimeoutFailure = (url: string) => DinhDanhError;

/** A body read that stops with `expired` when the time is up (for responses built in code). */
function raceBody(response: Response, expired: Promise<never>): Response {
  if (response.body === null || response.status < 200) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await Promise.race([reader.read(), expired]);
          if (chunk.done) controller.close();
          else controller.enqueue(chunk.value);
        } catch (error) {
          await reader.cancel().catch(() => undefined);
          throw error;
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Pull only when read: a body refused by its declared length is never fetched.
    { highWaterMark: 0 },
  );
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * Wraps `fetch` so a request whose answer (headers and body) takes longer than `timeoutMs`
 * is aborted and fails with `failure(url)`; the caller's own `signal` still applies.
 *
 * The abort reason is that error, so a network `fetch` rejects the request or the body read
 * with it. The limit is also raced in code, so an injected `fetch` that ignores `signal`
 * (and the body of a response it built) is bounded as well. A response from the network
 * is handed on untouched: copying it costs more than the rest of the wrapper.
 */
export function timedFetch(
  fetchFn: FetchLike,
  timeoutMs: number,
  failure: TimeoutFailure,
): FetchLike {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    // AbortSignal.timeout keeps no event loop alive; the controller carries our reason.
    const timer = AbortSignal.timeout(timeoutMs);
    const controller = new AbortController();
    const expired = new Promise<never>((_, reject) => {
      timer.addEventListener(
        'abort',
        () => {
          const error = failure(url);
          controller.abort(error);
          reject(error);
        },
        { once: true },
      );
    });
    // Observed only through the races below.
    expired.catch(() => undefined);
    const signal = init?.signal
      ? AbortSignal.any([init.signal, controller.signal])
      : controller.signal;
    let response: Response;
    try {
      response = await Promise.race([fetchFn(input, { ...init, signal }), expired]);
    } catch (error) {
      throw timer.aborted ? (controller.signal.reason as DinhDanhError) : error;
    }
    return response.type === 'basic' || response.type === 'cors'
      ? response
      : raceBody(response, expired);
  };
}
