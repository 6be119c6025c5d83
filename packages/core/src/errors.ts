/**
 * Every failure the SDK reports is a {@link DinhDanhError} whose `code` is one of these.
 * Callers branch on `code`, never on message text. The list is documented, with what to
 * do about each, in `docs/errors.md`; a test keeps the two in step.
 */
export const ERROR_CODES = {
  // configuration and input
  config_invalid: 500,
  input_invalid: 400,
  purpose_required: 400,
  runtime_unsupported: 500,

  // talking to the provider
  discovery_failed: 502,
  issuer_mismatch: 502,
  provider_unreachable: 502,
  provider_response_invalid: 502,
  provider_timeout: 504,
  provider_response_too_large: 502,
  userinfo_unauthorized: 502,
  jwks_failed: 502,

  // provider errors, surfaced with the provider's own code (RFC 6749, OIDC Core, RFC 8628)
  access_denied: 403,
  login_required: 401,
  consent_required: 401,
  interaction_required: 401,
  account_selection_required: 401,
  unmet_authentication_requirements: 401,
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  invalid_scope: 400,
  unauthorized_client: 400,
  unsupported_response_type: 400,
  server_error: 502,
  temporarily_unavailable: 503,
  provider_error: 502,

  // the login transaction and its callback
  transaction_invalid: 400,
  transaction_expired: 400,
  state_mismatch: 400,
  iss_mismatch: 400,
  callback_invalid: 400,

  // tokens
  token_invalid: 401,
  token_too_large: 401,
  signature_invalid: 401,
  alg_not_allowed: 401,
  key_not_found: 401,
  token_expired: 401,
  token_not_yet_valid: 401,
  audience_mismatch: 401,
  nonce_mismatch: 401,
  sub_mismatch: 401,
  auth_time_too_old: 401,
  insufficient_level: 403,

  // the citizen's data
  claims_invalid: 422,
  claims_missing: 422,
  subject_missing: 502,
  pid_invalid: 400,
  cccd_qr_invalid: 400,

  // sealed cookies and sessions
  seal_invalid: 400,
  seal_expired: 400,
  session_missing: 401,
  session_expired: 401,
  csrf_failed: 403,
  return_to_invalid: 400,
  store_unavailable: 503,

  // logout
  logout_token_invalid: 400,
  logout_token_replayed: 400,

  // cross-device (QR) login and share transactions
  qr_expired: 410,
  qr_denied: 403,
  qr_invalid: 400,

  // VNeID partner protocol (DOMAIN.md dialects 5 and 6)
  envelope_invalid: 502,
  webhook_signature_invalid: 401,
  webhook_timestamp_invalid: 401,
  webhook_replayed: 409,
} as const satisfies Record<string, number>;

/** A stable, documented error code. See `docs/errors.md`. */
export type DinhDanhErrorCode = keyof typeof ERROR_CODES;

/** Options for constructing a {@link DinhDanhError}. */
export interface DinhDanhErrorOptions {
  /** The underlying error, kept for debugging. Never shown to end users. */
  cause?: unknown;
  /** Overrides the default HTTP-ish status for the code. */
  status?: number;
  /**
   * Where the problem is, for errors about data: a field path such as `birthdate` or
   * `verified_claims.claims.address.locality`. Never the value itself.
   */
  path?: string;
}

/**
 * The one error class of dinhdanh. `code` is stable and documented; `status` is the
 * HTTP status a web handler answers with; `cause` keeps the underlying error.
 * Messages say what to do and never contain tokens, secrets or full personal ID numbers.
 *
 * @example
 * ```ts
 * try {
 *   await rp.finishLogin(url, transaction);
 * } catch (error) {
 *   if (error instanceof DinhDanhError && error.code === 'insufficient_level') {
 *     return redirect(rp.stepUp(...));
 *   }
 *   throw error;
 * }
 * ```
 */
export class DinhDanhError extends Error {
  override readonly name = 'DinhDanhError';
  /** Stable machine-readable code. */
  readonly code: DinhDanhErrorCode;
  /** HTTP-ish status a handler would answer with. */
  readonly status: number;
  /** Field path for data errors (never the value). */
  readonly path: string | undefined;

  constructor(code: DinhDanhErrorCode, message: string, options: DinhDanhErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code];
    this.path = options.path;
  }

  /** A JSON view safe to log or return to a client: code, status, message, path. */
  toJSON(): { code: DinhDanhErrorCode; status: number; message: string; path?: string } {
    return {
      code: this.code,
      status: this.status,
      message: this.message,
      ...(this.path === undefined ? {} : { path: this.path }),
    };
  }
}

/**
 * Whether a value is a {@link DinhDanhError}, optionally with the given code.
 * Works across bundled copies of the package (checks the name and code, not only the prototype).
 */
export function isDinhDanhError(value: unknown, code?: DinhDanhErrorCode): value is DinhDanhError {
  if (!(value instanceof Error) || value.name !== 'DinhDanhError') return false;
  const actual = (value as { code?: unknown }).code;
  if (typeof actual !== 'string' || !(actual in ERROR_CODES)) return false;
  return code === undefined || actual === code;
}
