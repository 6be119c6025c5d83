import type { BackendError } from '../identity/types';

/** A failed backend call, carrying the {@link BackendError} to show or branch on. */
export class BackendFailure extends Error {
  constructor(readonly detail: BackendError) {
    super(detail.message);
    this.name = 'BackendFailure';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One JSON call to core's handlers, same-origin with cookies. Core's error bodies
 * (`{ error: { code, message } }`) become a {@link BackendFailure} with that code.
 */
export async function callBackend(
  url: string,
  init: RequestInit & { signal?: AbortSignal | undefined } = {},
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  } catch (error) {
    if (init.signal?.aborted === true) throw error;
    throw new BackendFailure({
      code: 'network_failed',
      message: 'The server could not be reached.',
    });
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = isObject(body) && isObject(body.error) ? body.error : {};
    throw new BackendFailure({
      code:
        typeof error.code === 'string' ? (error.code as BackendError['code']) : 'response_invalid',
      status: response.status,
      message: typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
    });
  }
  if (!isObject(body)) {
    throw new BackendFailure({
      code: 'response_invalid',
      status: response.status,
      message: 'The server did not answer with a JSON object.',
    });
  }
  return body;
}

/** The {@link BackendError} of anything thrown by {@link callBackend}. */
export function backendError(error: unknown): BackendError {
  return error instanceof BackendFailure
    ? error.detail
    : { code: 'response_invalid', message: 'Unexpected answer from the server.' };
}
