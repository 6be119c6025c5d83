/**
 * Checks of the callback URL done before any token request: `state` (CSRF), RFC 9207
 * `iss` (mix-up), provider errors, a single `code`.
 */
import type * as client from 'openid-client';
import { DinhDanhError } from '../errors';
import { providerError } from '../http/protocol-error';
import type { LoginTransaction } from '../rp/types';

const SINGLE = ['state', 'iss', 'code', 'error', 'error_description'];

/** Parses and checks the callback URL; returns it for the token exchange. */
export function checkCallback(
  callbackUrl: string | URL,
  transaction: LoginTransaction,
  metadata: client.ServerMetadata,
): URL {
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch (cause) {
    throw new DinhDanhError('callback_invalid', 'The callback URL cannot be parsed.', { cause });
  }
  const params = url.searchParams;
  for (const name of SINGLE) {
    if (params.getAll(name).length > 1) {
      throw new DinhDanhError('callback_invalid', `The callback repeats the ${name} parameter.`, {
        path: name,
      });
    }
  }
  const expectedRedirect = new URL(transaction.redirectUri);
  if (url.origin !== expectedRedirect.origin || url.pathname !== expectedRedirect.pathname) {
    throw new DinhDanhError(
      'callback_invalid',
      'The callback URL is not the redirect URI of the transaction.',
    );
  }
  if (params.get('state') !== transaction.state) {
    throw new DinhDanhError(
      'state_mismatch',
      'The callback state does not match the login transaction; start the login again.',
      { path: 'state' },
    );
  }
  const iss = params.get('iss');
  if (
    iss !== null
      ? iss !== metadata.issuer
      : metadata.authorization_response_iss_parameter_supported === true
  ) {
    throw new DinhDanhError(
      'iss_mismatch',
      'The callback does not carry this provider’s issuer (RFC 9207); it may come from another provider.',
      { path: 'iss' },
    );
  }
  const error = params.get('error');
  if (error !== null) throw providerError(error, params.get('error_description') ?? undefined);
  if ((params.get('code') ?? '') === '') {
    throw new DinhDanhError('callback_invalid', 'The callback has no authorization code.', {
      path: 'code',
    });
  }
  return url;
}
