/**
 * Translates openid-client / oauth4webapi failures into `DinhDanhError`s with stable
 * codes. Provider errors keep the provider's own code when it is a known one.
 */
import * as client from 'openid-client';
import type { DinhDanhErrorCode } from '../errors';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { providerError } from './provider-error';
import { safeCause } from './safe-cause';

/** Codes of a claim whose value failed a check (the same codes our own verification uses). */
const CLAIM_CODES: Readonly<Record<string, DinhDanhErrorCode>> = {
  nonce: 'nonce_mismatch',
  aud: 'audience_mismatch',
  azp: 'audience_mismatch',
  iss: 'token_invalid',
  sub: 'token_invalid',
  auth_time: 'auth_time_too_old',
  exp: 'token_expired',
  nbf: 'token_not_yet_valid',
  iat: 'token_not_yet_valid',
  state: 'state_mismatch',
};

/**
 * Codes of a claim that is missing: a token without `sub` or `iat` is malformed
 * (`token_invalid`), not about another subject or from the future.
 */
const MISSING_CLAIM_CODES: Readonly<Record<string, DinhDanhErrorCode>> = {
  nonce: 'nonce_mismatch',
  auth_time: 'auth_time_too_old',
};

/** The errors of a chain, outermost first (bounded depth: a chain may be cyclic). */
function chain(error: unknown): unknown[] {
  const found: unknown[] = [];
  let current = error;
  for (let depth = 0; depth < 8 && current !== undefined && current !== null; depth += 1) {
    found.push(current);
    current = current instanceof Error ? current.cause : undefined;
  }
  return found;
}

/**
 * What oauth4webapi says about the ID token itself before our verification runs (its
 * messages are the only place it names the part): `[path, message]` or `undefined`.
 */
function idTokenProblem(messages: readonly string[]): [string, string] | undefined {
  for (const message of messages) {
    if (/"crit" header/.test(message))
      return [
        'crit',
        'The provider’s ID token has a critical header this client does not understand.',
      ];
    const claimType = /^unexpected JWT "([a-z_]+)" \([^)]*\) claim type$/i.exec(message)?.[1];
    if (claimType !== undefined)
      return [claimType, `The provider’s ID token has a ${claimType} claim of the wrong type.`];
    if (
      message.includes('"id_token"') ||
      /^(Invalid JWT|failed to parse JWT|JWT (Header|Payload) must be|JWE decryption is not configured)/.test(
        message,
      )
    )
      return ['id_token', 'The provider’s ID token is missing or malformed.'];
    if (message.includes('additional untrusted audiences'))
      return ['aud', 'The ID token has several audiences and names no authorised party.'];
  }
  return undefined;
}

function claimOf(cause: unknown): string | undefined {
  // openid-client wraps oauth4webapi's error, whose own cause names the claim.
  if (cause instanceof Error) return claimOf(cause.cause);
  if (typeof cause === 'object' && cause !== null && 'claim' in cause) {
    const claim = cause.claim;
    return typeof claim === 'string' ? claim : undefined;
  }
  return undefined;
}

/**
 * oauth4webapi reports a missing claim and a refused `alg` as a generic invalid response;
 * they deserve the same codes as a wrong claim value and a disallowed algorithm.
 */
function invalidResponseCode(error: unknown, cause: unknown): DinhDanhError | undefined {
  // openid-client may wrap oauth4webapi's error: the detail is on the innermost one.
  if (cause instanceof Error)
    return invalidResponseCode(error, cause.cause) ?? detail(error, cause);
  return undefined;
}

function detail(error: unknown, inner: Error): DinhDanhError | undefined {
  const cause = inner.cause;
  const missing = /^JWT "([a-z_]+)" \([^)]*\) claim missing$/i.exec(inner.message)?.[1];
  if (missing !== undefined) {
    return new DinhDanhError(
      MISSING_CLAIM_CODES[missing] ?? 'token_invalid',
      `The provider’s token lacks the ${missing} claim.`,
      { cause: safeCause(error), path: missing },
    );
  }
  const header =
    typeof cause === 'object' && cause !== null && 'header' in cause ? cause.header : undefined;
  if (typeof header === 'object' && header !== null && 'alg' in header) {
    return new DinhDanhError(
      'alg_not_allowed',
      'The provider’s token uses an algorithm that is not allowed.',
      {
        cause: safeCause(error),
        path: 'alg',
      },
    );
  }
  return undefined;
}

/** Maps anything thrown by a protocol call to a `DinhDanhError`. */
export function protocolError(error: unknown): DinhDanhError {
  const errors = chain(error);
  // Our own errors thrown inside openid-client (a time-out, a size limit in the custom
  // fetch) come back wrapped: the first one in the chain says what happened.
  const ours = errors.find((each) => isDinhDanhError(each));
  if (ours !== undefined) return ours;
  const messages = errors.map((each) => (each instanceof Error ? each.message : ''));
  const problem = idTokenProblem(messages);
  if (problem !== undefined) {
    const [path, message] = problem;
    const code = path === 'aud' ? 'audience_mismatch' : 'token_invalid';
    return new DinhDanhError(code, message, { cause: safeCause(error), path });
  }
  if (
    errors.some((each) => each instanceof Error && /^(TimeoutError|AbortError)$/.test(each.name))
  ) {
    return new DinhDanhError('provider_unreachable', 'The provider did not answer in time.', {
      cause: safeCause(error),
    });
  }
  if (
    error instanceof client.ResponseBodyError ||
    error instanceof client.AuthorizationResponseError
  ) {
    return providerError(error.error, error.error_description, error);
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const code = challenge?.parameters.error;
    return providerError(code ?? 'invalid_token', challenge?.parameters.error_description, error);
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const cause = error instanceof Error ? error.cause : undefined;
  switch (code) {
    case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
    case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED': {
      const claim = claimOf(cause);
      const mapped = claim === undefined ? undefined : CLAIM_CODES[claim];
      return new DinhDanhError(
        mapped ?? 'token_invalid',
        `The provider’s token failed the ${claim ?? 'claims'} check.`,
        {
          cause: safeCause(error),
          ...(claim === undefined ? {} : { path: claim }),
        },
      );
    }
    case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED': {
      const claim = claimOf(cause);
      if (claim === 'state')
        return new DinhDanhError(
          'state_mismatch',
          'The callback state does not match the login transaction.',
          { cause: safeCause(error) },
        );
      if (claim === 'iss')
        return new DinhDanhError('iss_mismatch', 'The callback came from another issuer.', {
          cause: safeCause(error),
        });
      return new DinhDanhError(
        'provider_response_invalid',
        'The provider’s response failed a check.',
        { cause: safeCause(error) },
      );
    }
    case 'OAUTH_KEY_SELECTION_FAILED':
      return new DinhDanhError('key_not_found', 'No provider key matches the token.', {
        cause: safeCause(error),
      });
    case 'OAUTH_HTTP_REQUEST_FORBIDDEN':
    case 'OAUTH_REQUEST_PROTOCOL_FORBIDDEN':
      return new DinhDanhError(
        'config_invalid',
        'The provider uses http: outside localhost; use https:.',
        { cause: safeCause(error) },
      );
    case 'OAUTH_INVALID_RESPONSE': {
      const specific = invalidResponseCode(error, error);
      if (specific !== undefined) return specific;
      return new DinhDanhError(
        'provider_response_invalid',
        'The provider sent a response that does not follow the protocol.',
        { cause: safeCause(error) },
      );
    }
    case 'OAUTH_RESPONSE_IS_NOT_CONFORM': {
      // oauth4webapi reads OAuth error bodies of 4xx answers only: a 5xx is the provider failing.
      if (cause instanceof Response && cause.status >= 500) {
        const code = cause.status === 503 ? 'temporarily_unavailable' : 'server_error';
        return new DinhDanhError(code, `The identity provider failed (HTTP ${cause.status}).`, {
          cause: safeCause(error),
        });
      }
      return new DinhDanhError(
        'provider_response_invalid',
        'The provider sent a response that does not follow the protocol.',
        { cause: safeCause(error) },
      );
    }
    case 'OAUTH_RESPONSE_IS_NOT_JSON':
    case 'OAUTH_PARSE_ERROR':
    case 'OAUTH_JWT_USERINFO_EXPECTED':
    case 'OAUTH_UNSUPPORTED_OPERATION':
      return new DinhDanhError(
        'provider_response_invalid',
        'The provider sent a response that does not follow the protocol.',
        { cause: safeCause(error) },
      );
    case 'OAUTH_MISSING_SERVER_METADATA':
    case 'OAUTH_INVALID_SERVER_METADATA':
      return new DinhDanhError(
        'discovery_failed',
        'The provider’s metadata lacks an endpoint this operation needs.',
        { cause: safeCause(error) },
      );
    default:
      break;
  }
  if (error instanceof TypeError) {
    return new DinhDanhError('provider_unreachable', 'The provider could not be reached.', {
      cause: safeCause(error),
    });
  }
  return new DinhDanhError('provider_response_invalid', 'The provider call failed.', {
    cause: safeCause(error),
  });
}
