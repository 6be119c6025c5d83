import { DinhDanhError } from '../errors';
import type { LoginResult } from '../rp/types';
import type { ResolvedOptions } from './options';
import { withHandlerHeaders } from './responses';

/**
 * Runs `onLogin` when configured. Returns the response to send instead of writing the
 * session, or undefined to go on. What the hook throws propagates (no session).
 * @throws `config_invalid` when the hook returns something else than nothing or a Response.
 */
export async function runOnLogin(
  options: ResolvedOptions,
  result: LoginResult,
  request: Request,
  headers: Headers,
): Promise<Response | undefined> {
  if (options.onLogin === undefined) return undefined;
  const outcome: unknown = await options.onLogin(result, request);
  if (outcome === undefined || outcome === null) return undefined;
  if (!(outcome instanceof Response)) {
    throw new DinhDanhError(
      'config_invalid',
      '`onLogin` must return nothing (go on) or a Response (sent instead, no session).',
    );
  }
  return withHandlerHeaders(outcome, headers);
}
