/**
 * Checks of the callback URL done before any token request: `state` (CSRF), RFC 9207
 * `iss` (mix-up), provider errors, a single `code`.
 */
import type * as client from 'openid-client';
import { DinhDanhError } from '../errors';
import { providerError } from '../http/provider-error';
import type { LoginTransaction } from '../rp/types';

const SINGLE = ['state', 'iss', 'code', 'error', 'error_description'];

/**
 * Parses and checks the callback URL (absolute or relative; only its query is used) and
 * returns the URL to give the token exchange: the transaction's redirect URI + that query.
 */
export function checkCallback(
  callbackUrl: string | URL,
  transaction: LoginTransaction,
  metadata: client.ServerMetadata,
): URL {
  let received: URL;
  try {
    // Relative callbacks ("/auth/callback?code=...") are read against the redirect URI.
    received = new URL(callbackUrl, transaction.redirectUri);
  } catch (cause) {
    throw new DinhDanhError('callback_invalid', 'The callback URL cannot be parsed.', { cause });
  }
  // Only the query is taken from the request: behind a proxy its host may be internal,
  // and the token request must repeat the registered redirect URI exactly.
  const url = new URL(transaction.redirectUri);
  url.search = received.search;
  const params = url.searchParams;
  for (const name of SINGLE) {
    if (params.getAll(name).length > 1) {
      // Parameter pollution: which copy is checked and which is used could differ.
      throw new DinhDanhError(
        'callback_parameter_repeated',
        `The callback repeats the ${name} parameter; it was refused.`,
        { path: name },
      );
    }
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
