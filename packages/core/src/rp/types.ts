/**
 * The public shape of the relying-party engine: what `createRelyingParty(config)` returns
 * and the plain, JSON-serialisable objects that travel between its calls. Transactions and
 * QR handles hold every bit of state a later call needs ("no hidden state"): the web
 * handlers seal them into cookies, other callers store them where they like.
 */
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel, Identity } from '../claims/identity';
import type { LoginTransaction, QrLoginHandle } from './wire';

export type { LoginTransaction, QrLoginHandle } from './wire';

/** OpenID Connect `prompt` values a login may carry. */
export type Prompt = 'none' | 'login' | 'consent' | 'select_account';

/** Options of {@link RelyingParty.startLogin}. */
export interface StartLoginOptions {
  /** Minimum assurance level the login must reach (default: the profile's default, usually 1). */
  level?: AssuranceLevel;
  /**
   * Attributes to ask the citizen to share, each asked for by name (the OpenID Connect
   * `claims` request parameter, or one scope per attribute). Sensitive ones need a `purpose`.
   * Whatever the provider sends beyond them is dropped.
   */
  attributes?: readonly AttributeName[];
  /**
   * @deprecated Renamed `attributes` (it is not OpenID Connect's `claims` request
   * parameter); this name is removed in the next minor version.
   */
  claims?: readonly AttributeName[];
  /** Attributes without which the login fails (`claims_missing`); asked for as `essential`, implied in `attributes`. */
  required?: readonly AttributeName[];
  /** Why the attributes are needed, shown on consent screens and kept in the consent record. */
  purpose?: string;
  /** Where to send the user after the callback; kept in the transaction, not validated here. */
  returnTo?: string;
  /** OpenID Connect `prompt`. */
  prompt?: Prompt;
  /** OpenID Connect `max_age` in seconds: the authentication must be at most this old. */
  maxAge?: number;
  /** `ui_locales` for the provider's screens, e.g. `vi` or `en`. */
  locale?: string;
  /** Extra authorization request parameters (e.g. `login_hint`). Cannot override the protocol ones. */
  extraParams?: Readonly<Record<string, string>>;
}

/** What `startLogin` returns: where to send the browser and what to keep until the callback. */
export interface LoginStart {
  /** Authorization URL to redirect the browser to. */
  readonly url: string;
  /** Keep this (sealed) until the callback. */
  readonly transaction: LoginTransaction;
}

/** Tokens of a login or a refresh. Never send them to the browser. */
export interface TokenSet {
  /** The access token. */
  readonly accessToken: string;
  /** `Bearer` or `DPoP`. */
  readonly tokenType: string;
  /** When the access token expires, epoch milliseconds, when the provider said. */
  readonly expiresAt?: number;
  /** Refresh token, when issued. Rotated tokens replace the old one. */
  readonly refreshToken?: string;
  /** The ID token (compact JWS, decrypted when it came encrypted). */
  readonly idToken?: string;
  /** Granted scopes, when the provider said. */
  readonly scope?: string;
}

/**
 * The consent record of a login (Decree 13/2023, Law 91/2025: specific to a purpose,
 * provable later). Sign it with `createConsentReceipt` to keep a proof.
 */
export interface ConsentRecord {
  /** Attributes the relying party asked for. */
  readonly requested: readonly AttributeName[];
  /** Attributes asked for and released (nothing else: the rest was dropped). */
  readonly granted: readonly AttributeName[];
  /** Attributes the login could not succeed without (asked for as `essential`). */
  readonly required: readonly AttributeName[];
  /** The purpose given, when any. */
  readonly purpose?: string;
  /** The provider profile that released them (`vneid`, `dvcqg`, `oidc`, ...). */
  readonly provider: string;
  /** The assurance level the login reached. */
  readonly level: AssuranceLevel;
  /** When consent was recorded (ISO 8601). */
  readonly at: string;
  /**
   * Attributes the provider released although they were not asked for, kept only with the
   * `dangerouslyKeepUnrequestedAttributes` option (dropped, and not listed, otherwise).
   */
  readonly receivedNotRequested?: readonly AttributeName[];
}

/** Session facts of a login. */
export interface SessionFacts {
  /** Provider session id (`sid`), used by back-channel logout. */
  readonly sid?: string;
  /** When the local session should end, epoch milliseconds. */
  readonly expiresAt: number;
}

/** The outcome of a successful login. */
export interface LoginResult {
  /** The verified, normalised identity. */
  readonly identity: Identity;
  /**
   * Tokens (keep server-side). A VNeID share transaction (`source: 'share'`) issues none:
   * `accessToken` is then empty and `tokenType` is `none`.
   */
  readonly tokens: TokenSet;
  /** What was asked, what was granted, why, when. */
  readonly consent: ConsentRecord;
  /** Session facts. */
  readonly session: SessionFacts;
  /**
   * Verified ID token claims about the authentication (`iss`, `sub`, `acr`, `amr`, `sid`,
   * `auth_time`, ...; empty when the identity came from userinfo alone). Citizen data in the
   * ID token reaches you through `identity` only, minimised.
   */
  readonly idTokenClaims: Readonly<Record<string, unknown>>;
  /** Where the attributes came from (`share`: a VNeID share transaction's result, no token). */
  readonly source: 'id_token' | 'userinfo' | 'share';
  /** The `returnTo` of the transaction. */
  readonly returnTo?: string;
}

/** Options of {@link RelyingParty.stepUp}: a new login at a higher level with a fresh authentication. */
export interface StepUpOptions extends Omit<StartLoginOptions, 'level'> {
  /** The level now required. */
  level: AssuranceLevel;
}

/** Options of {@link RelyingParty.verifyIdToken}. */
export interface VerifyIdTokenOptions {
  /** Expected `nonce`, when the token came from a login. */
  nonce?: string;
  /** Minimum level (`insufficient_level` below it). */
  level?: AssuranceLevel;
  /** `max_age` in seconds the authentication must satisfy (`auth_time_too_old`). */
  maxAge?: number;
}

/** A verified ID token. */
export interface VerifiedIdToken {
  /** Its claims. */
  readonly claims: Readonly<Record<string, unknown>> & {
    readonly sub: string;
    readonly iss: string;
  };
  /** Level from `acr` through the provider profile (0 when unknown). */
  readonly level: AssuranceLevel;
}

/** Options of {@link RelyingParty.verifyAccessToken} (RFC 9068 JWT access tokens). */
export interface VerifyAccessTokenOptions {
  /** The resource server's identifier; `aud` must contain it. */
  audience: string | readonly string[];
  /** Minimum level (`insufficient_level` below it). */
  level?: AssuranceLevel;
  /** Scopes that must all be granted. */
  scopes?: readonly string[];
}

/** A verified JWT access token. */
export interface VerifiedAccessToken {
  /** Subject. */
  readonly sub: string;
  /** Client the token was issued to. */
  readonly clientId: string;
  /** Granted scopes. */
  readonly scopes: readonly string[];
  /** Level from `acr` (0 when absent or unknown). */
  readonly level: AssuranceLevel;
  /** All claims. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** Options of {@link RelyingParty.logoutUrl} (OpenID RP-Initiated Logout 1.0). */
export interface LogoutUrlOptions {
  /** The ID token of the session being ended. */
  idTokenHint?: string;
  /** Where the provider sends the browser afterwards (default: the configured one). */
  postLogoutRedirectUri?: string;
  /** Opaque value echoed back. */
  state?: string;
  /** `ui_locales`. */
  locale?: string;
}

/** A verified back-channel logout token: which sessions to end. */
export interface LogoutTokenResult {
  /** Subject whose sessions end, when sent. */
  readonly sub?: string;
  /** Provider session to end, when sent. */
  readonly sid?: string;
}

/** Options of {@link RelyingParty.startQrLogin}. */
export interface StartQrLoginOptions {
  /** Minimum assurance level. */
  level?: AssuranceLevel;
  /** Attributes to ask for. */
  attributes?: readonly AttributeName[];
  /** @deprecated Renamed `attributes`; this name is removed in the next minor version. */
  claims?: readonly AttributeName[];
  /** Attributes without which the login fails (`claims_missing`). */
  required?: readonly AttributeName[];
  /** Purpose for the attributes (required for sensitive ones). */
  purpose?: string;
}

/** What `startQrLogin` returns. */
export interface QrLoginStart {
  /** Keep this (sealed) and pass it to `pollQrLogin`. */
  readonly handle: QrLoginHandle;
  /** The URI to encode in the QR code (`verification_uri_complete`, or the app link). */
  readonly qrUri: string;
  /** Code the citizen may type instead, when the transport has one. */
  readonly userCode?: string;
  /** When it expires, epoch milliseconds. */
  readonly expiresAt: number;
  /** Seconds to wait between polls. */
  readonly interval: number;
}

/** What `pollQrLogin` reports. */
export type QrLoginStatus =
  | { readonly status: 'pending' }
  | { readonly status: 'slow_down'; readonly interval: number }
  | { readonly status: 'approved'; readonly result: LoginResult }
  | { readonly status: 'denied' }
  | { readonly status: 'expired' };

/**
 * A relying party bound to one provider. Create it once per process with
 * `createRelyingParty(config)`; it caches discovery and keys, nothing per user.
 */
export interface RelyingParty {
  /** The configured issuer. */
  readonly issuer: string;
  /** The configured client id. */
  readonly clientId: string;
  /**
   * The configured redirect URI. Its origin is the app's trusted origin for
   * `createAuthHandlers` unless `origin` is set there.
   */
  readonly redirectUri: string;
  /** The provider profile id (`vneid`, `postid`, `dvcqg`, `oidc`, ...). */
  readonly provider: string;
  /** Starts a login: the authorization URL (PAR when offered) and the transaction to keep. */
  startLogin(options?: StartLoginOptions): Promise<LoginStart>;
  /** Completes a login from the callback URL and the transaction. */
  finishLogin(callbackUrl: string | URL, transaction: LoginTransaction): Promise<LoginResult>;
  /** Starts a new login at a higher level, forcing a fresh authentication (`max_age`). */
  stepUp(options: StepUpOptions): Promise<LoginStart>;
  /** Refreshes tokens; a rotated refresh token replaces the old one. */
  refresh(tokens: TokenSet): Promise<TokenSet>;
  /** Verifies an ID token from this provider on its own. */
  verifyIdToken(jwt: string, options?: VerifyIdTokenOptions): Promise<VerifiedIdToken>;
  /** Verifies an RFC 9068 JWT access token from this provider. */
  verifyAccessToken(jwt: string, options: VerifyAccessTokenOptions): Promise<VerifiedAccessToken>;
  /** The provider's logout URL (RP-Initiated Logout). */
  logoutUrl(options?: LogoutUrlOptions): Promise<string>;
  /** Verifies a back-channel logout token (once; replays are refused). */
  verifyLogoutToken(jwt: string): Promise<LogoutTokenResult>;
  /** Starts a cross-device (QR) login. */
  startQrLogin(options?: StartQrLoginOptions): Promise<QrLoginStart>;
  /** Polls a cross-device login once. Wait `interval` seconds between polls. */
  pollQrLogin(handle: QrLoginHandle): Promise<QrLoginStatus>;
  /**
   * Drops the cached discovery document and signing keys: the next operation fetches them
   * again. For an operator who knows the provider rotated its keys or moved an endpoint,
   * and for tests that change the provider between logins. The cache lifetimes
   * (`discoveryTtl`, `jwksTtl`) apply as before otherwise.
   */
  clearCaches(): void;
  /**
   * The `acr` values that satisfy a minimum level under this provider's profile, lowest
   * first (for `acr_values` in RFC 9470 step-up challenges). Optional so that structural
   * doubles need not implement it; `createRelyingParty` always does.
   */
  acrValuesFor?(level: AssuranceLevel): string[];
}
