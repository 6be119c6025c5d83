import type {
  AssuranceLevel,
  AttributeName,
  DinhDanhErrorCode,
  MeResponse,
  Prompt,
} from '@dinhdanh/core';

/** The session summary of a signed-in citizen, as `GET {basePath}/me` sends it. */
export type AuthenticatedMe = Extract<MeResponse, { status: 'authenticated' }>;

/** The identity the browser sees: provider, account type, level and the attributes the app chose to show. */
export type MeIdentity = AuthenticatedMe['identity'];

/** Which attributes the citizen shared in this login. */
export interface Consent {
  /** Attribute names the citizen shared (what the session keeps; never the portrait). */
  readonly granted: readonly AttributeName[];
}

/**
 * A failure talking to the backend: core's error `code` when the server answered with one,
 * `network_failed` when the request did not complete, `response_invalid` when the answer
 * was not what core sends.
 */
export interface BackendError {
  /** Stable code to branch on. */
  readonly code: DinhDanhErrorCode | 'network_failed' | 'response_invalid';
  /** HTTP status, when the server answered. */
  readonly status?: number;
  /** What went wrong (the server's redacted message, or ours). */
  readonly message: string;
}

/** Where the citizen is in the sign-in life cycle. */
export type IdentityStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

/** Options of `login()`: the named request, its level and where to come back. */
export interface LoginOptions {
  /** Named login request on the server (`requests` of `createAuthHandlers`); default `default`. */
  readonly request?: string;
  /** Minimum assurance level; may raise the named request's level, never lower it. */
  readonly level?: AssuranceLevel;
  /** Same-origin path to come back to; default: the current page. */
  readonly returnTo?: string;
  /** OpenID Connect `prompt`. */
  readonly prompt?: Prompt;
  /** UI language asked of the provider (`locale`). */
  readonly locale?: string;
}

/** What {@link useIdentity} returns. */
export interface IdentityValue {
  /** `loading` until `/me` answers; then `anonymous`, `authenticated` or `error`. */
  readonly status: IdentityStatus;
  /** The identity when authenticated. */
  readonly identity: MeIdentity | undefined;
  /** Assurance level of the session when authenticated. */
  readonly level: AssuranceLevel | undefined;
  /** What the citizen shared, when authenticated and the server says (core ≥ this release). */
  readonly consent: Consent | undefined;
  /** When the session ends (ISO 8601), when authenticated. */
  readonly expiresAt: string | undefined;
  /** Why `/me` failed, when `status` is `error`. */
  readonly error: BackendError | undefined;
  /** Goes to `{basePath}/login` (a full-page navigation to the provider). */
  readonly login: (options?: LoginOptions) => void;
  /** Ends the session by core's CSRF-checked `POST {basePath}/logout` (a form post, then the provider's logout). */
  readonly logout: () => void;
  /** Re-authenticates at a higher level (`/login?stepUp=1&level=`). */
  readonly stepUp: (level: AssuranceLevel, options?: Omit<LoginOptions, 'level'>) => void;
  /** Reads `/me` again. */
  readonly refresh: () => Promise<void>;
}
