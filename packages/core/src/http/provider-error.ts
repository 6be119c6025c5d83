/**
 * An error code a provider sent (the OAuth `error` parameter or field), as a
 * `DinhDanhError`. Apart from protocol-error.ts so that code paths that never call
 * openid-client (the plug-in protocols) do not import it.
 */
import type { DinhDanhErrorCode } from '../errors';
import { DinhDanhError, ERROR_CODES } from '../errors';
import { redact } from '../redact';
import { safeCause } from './safe-cause';

const PROVIDER_CODES: ReadonlySet<string> = new Set([
  'access_denied',
  'login_required',
  'consent_required',
  'interaction_required',
  'account_selection_required',
  'unmet_authentication_requirements',
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'invalid_scope',
  'unauthorized_client',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
]);

/** The engine's code for an error code a provider sent (`provider_error` when unknown). */
export function providerErrorCode(error: string): DinhDanhErrorCode {
  return PROVIDER_CODES.has(error) && error in ERROR_CODES
    ? (error as DinhDanhErrorCode)
    : 'provider_error';
}

/** Provider text fit for a message: personal data and tokens masked, markup dropped, bounded. */
function printable(text: string, max: number): string {
  return redact(text)
    .replace(/[^\p{L}\p{N} .,:;'()/_*[\]-]/gu, '')
    .slice(0, max);
}

/** An error a provider returned, with its code and (sanitised) description. */
export function providerError(
  error: string,
  description: string | undefined,
  cause?: unknown,
): DinhDanhError {
  const code = providerErrorCode(error);
  const safe = description === undefined ? '' : `: ${printable(description, 200)}`;
  // `path` names the parameter; the value, which the provider chooses, is shown (redacted)
  // in the message only.
  return new DinhDanhError(code, `The identity provider answered ${printable(error, 64)}${safe}.`, {
    cause: safeCause(cause),
    path: 'error',
  });
}
