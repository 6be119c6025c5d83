/**
 * Verifies a signed JWT from the provider: size limit, algorithm allow-list, signature
 * against the cached JWKS, issuer, audience, `exp`/`nbf`, and `iat` not in the future.
 * Every rejection has its own code.
 */
import type { JWTPayload } from 'jose';
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import * as joseErrors from 'jose/errors';
import { jwtVerify } from 'jose/jwt/verify';
import type { KeyStore } from '../discovery/jwks';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { safeCause } from '../http/safe-cause';

/** What a JWT must satisfy. */
export interface JwtRules {
  issuer: string;
  audience?: string | readonly string[];
  algorithms: readonly string[];
  maxBytes: number;
  clockTolerance: number;
  now: () => number;
  /** Required `typ` header (compared case-insensitively, `application/` prefix optional). */
  typ?: string;
  /** Claims that must be present. */
  required?: readonly string[];
  /** Whether `exp` must be present (ID tokens, access tokens: yes). */
  requireExp?: boolean;
  /** What the token is (`id_token`, `access_token`, `logout_token`): the `path` of errors about it as a whole. */
  name?: string;
}

/** A verified JWT. */
export interface VerifiedJwt {
  payload: JWTPayload & Record<string, unknown>;
  header: { alg: string; kid?: string; typ?: string };
}

function normaliseTyp(value: string): string {
  const lower = value.toLowerCase();
  return lower.startsWith('application/') ? lower.slice('application/'.length) : lower;
}

function mapJoseError(error: unknown, name: string | undefined): DinhDanhError {
  if (isDinhDanhError(error)) return error;
  if (error instanceof joseErrors.JWTClaimValidationFailed && error.reason === 'missing') {
    // A missing claim makes the token malformed, whichever claim it is.
    return new DinhDanhError('token_invalid', `The token lacks the ${error.claim} claim.`, {
      cause: safeCause(error),
      path: error.claim,
    });
  }
  if (error instanceof joseErrors.JWTExpired) {
    return new DinhDanhError('token_expired', 'The token has expired; log in again.', {
      cause: safeCause(error),
      path: error.claim,
    });
  }
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') {
      return new DinhDanhError('audience_mismatch', 'The token was issued for another audience.', {
        cause: safeCause(error),
        path: 'aud',
      });
    }
    if (error.claim === 'nbf' || error.claim === 'iat') {
      return new DinhDanhError(
        'token_not_yet_valid',
        'The token is not valid yet; check the server clock.',
        { cause: safeCause(error), path: error.claim },
      );
    }
    return new DinhDanhError('token_invalid', `The token’s ${error.claim} claim is invalid.`, {
      cause: safeCause(error),
      path: error.claim,
    });
  }
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
    return new DinhDanhError('signature_invalid', 'The token’s signature does not verify.', {
      cause: safeCause(error),
      ...at(name),
    });
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed) {
    return new DinhDanhError(
      'alg_not_allowed',
      'The token is signed with an algorithm that is not allowed.',
      { cause: safeCause(error), path: 'alg' },
    );
  }
  if (error instanceof Error && /"crit"|Extension Header Parameter/.test(error.message)) {
    return new DinhDanhError(
      'token_invalid',
      'The token has a critical header this client does not understand.',
      { cause: safeCause(error), path: 'crit' },
    );
  }
  return new DinhDanhError('token_invalid', 'The token is malformed.', {
    cause: safeCause(error),
    ...at(name),
  });
}

function at(name: string | undefined): { path?: string } {
  return name === undefined ? {} : { path: name };
}

/**
 * Verifies a compact JWS JWT under the rules.
 * @throws DinhDanhError token_too_large, token_invalid, alg_not_allowed, key_not_found,
 *   signature_invalid, token_expired, token_not_yet_valid, audience_mismatch.
 */
export async function verifyJwt(
  jwt: string,
  keys: KeyStore,
  rules: JwtRules,
): Promise<VerifiedJwt> {
  if (typeof jwt !== 'string' || jwt.length === 0) {
    throw new DinhDanhError('token_invalid', 'No token was given.', at(rules.name));
  }
  if (new TextEncoder().encode(jwt).byteLength > rules.maxBytes) {
    throw new DinhDanhError(
      'token_too_large',
      `The token is larger than ${rules.maxBytes} bytes and was refused.`,
      at(rules.name),
    );
  }
  if (jwt.split('.').length !== 3) {
    throw new DinhDanhError(
      'token_invalid',
      'The token is not a signed JWT (three dot-separated parts).',
      at(rules.name),
    );
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch (cause) {
    throw new DinhDanhError('token_invalid', 'The token header cannot be read.', {
      cause: safeCause(cause),
      ...at(rules.name),
    });
  }
  if (typeof header.alg !== 'string' || !rules.algorithms.includes(header.alg)) {
    throw new DinhDanhError(
      'alg_not_allowed',
      `Tokens signed with ${String(header.alg)} are not accepted.`,
      { path: 'alg' },
    );
  }
  if (
    rules.typ !== undefined &&
    (typeof header.typ !== 'string' || normaliseTyp(header.typ) !== normaliseTyp(rules.typ))
  ) {
    throw new DinhDanhError('token_invalid', `The token is not of type ${rules.typ}.`, {
      path: 'typ',
    });
  }
  const nowMs = rules.now();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, keys.resolve, {
      algorithms: [...rules.algorithms],
      issuer: rules.issuer,
      ...(rules.audience === undefined
        ? {}
        : { audience: typeof rules.audience === 'string' ? rules.audience : [...rules.audience] }),
      clockTolerance: rules.clockTolerance,
      currentDate: new Date(nowMs),
      requiredClaims: [...(rules.required ?? []), ...(rules.requireExp === false ? [] : ['exp'])],
    }));
  } catch (error) {
    throw mapJoseError(error, rules.name);
  }
  if (typeof payload.iat === 'number' && payload.iat > nowMs / 1000 + rules.clockTolerance) {
    throw new DinhDanhError(
      'token_not_yet_valid',
      'The token claims to be issued in the future; check the server clock.',
      { path: 'iat' },
    );
  }
  return {
    payload: payload,
    header: {
      alg: header.alg,
      ...(typeof header.kid === 'string' ? { kid: header.kid } : {}),
      ...(typeof header.typ === 'string' ? { typ: header.typ } : {}),
    },
  };
}
