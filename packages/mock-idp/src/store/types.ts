/** What the mock remembers between requests. Everything lives in memory. */
import type { AttributeName } from '@dinhdanh/core';
import type { PageLocale } from '../page-models';

/** A validated authorization request (from the query or a pushed request). */
export interface AuthorizationRequest {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scope: readonly string[];
  readonly state?: string;
  readonly nonce?: string;
  readonly codeChallenge: string;
  readonly acrValues: readonly string[];
  readonly maxAge?: number;
  readonly prompt: readonly string[];
  readonly loginHint?: string;
  readonly claims?: ClaimsRequest;
  readonly locale: PageLocale;
  readonly purpose?: string;
  /** RFC 9449 §10: the DPoP key thumbprint the code is bound to. */
  readonly dpopJkt?: string;
}

/** The OpenID Connect `claims` request parameter (OIDC Core §5.5), parsed. */
export interface ClaimsRequest {
  readonly id_token?: Record<string, ClaimRequest | null>;
  readonly userinfo?: Record<string, ClaimRequest | null>;
}

/** One entry of the claims request parameter. */
export interface ClaimRequest {
  readonly essential?: boolean;
  readonly value?: unknown;
  readonly values?: readonly unknown[];
  readonly purpose?: string;
}

/** An attribute asked for, and whether the client marked it essential. */
export interface RequestedAttribute {
  readonly attribute: AttributeName;
  readonly required: boolean;
}

/** A login in progress: the persona picker and the consent screen. */
export interface Interaction {
  readonly id: string;
  readonly request: AuthorizationRequest;
  readonly requested: readonly RequestedAttribute[];
  readonly expiresAt: number;
  personaId?: string;
}

/** What a completed login granted; codes, access and refresh tokens point to one. */
export interface Grant {
  readonly id: string;
  readonly clientId: string;
  readonly personaId: string;
  readonly scope: readonly string[];
  readonly granted: readonly AttributeName[];
  readonly claims?: ClaimsRequest;
  readonly acr: string;
  readonly amr: readonly string[];
  readonly authTime: number;
  readonly sid: string;
  readonly nonce?: string;
  readonly maxAgeRequested: boolean;
}

/** An authorization code (single use). */
export interface CodeRecord {
  readonly grantId: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly codeChallenge: string;
  readonly expiresAt: number;
  readonly dpopJkt?: string;
  used: boolean;
}

/** An opaque access token. */
export interface AccessTokenRecord {
  readonly grantId: string;
  readonly clientId: string;
  readonly scope: readonly string[];
  readonly expiresAt: number;
  /** Sender-constrained (RFC 9449): the DPoP key thumbprint. */
  readonly jkt?: string;
}

/** A refresh token (rotated on every use; reuse revokes the grant). */
export interface RefreshTokenRecord {
  readonly grantId: string;
  readonly clientId: string;
  readonly scope: readonly string[];
  readonly expiresAt: number;
  used: boolean;
}

/** A pushed authorization request (RFC 9126). */
export interface PushedRequest {
  readonly clientId: string;
  readonly params: URLSearchParams;
  readonly expiresAt: number;
}

/** A device authorization (RFC 8628). */
export interface DeviceRecord {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly clientId: string;
  readonly request: AuthorizationRequest;
  readonly requested: readonly RequestedAttribute[];
  readonly expiresAt: number;
  status: 'pending' | 'approved' | 'denied' | 'used';
  grantId?: string;
  interval: number;
  lastPollAt?: number;
}

/** A login session (OpenID Connect `sid`). */
export interface SessionRecord {
  readonly sid: string;
  readonly personaId: string;
  readonly clientIds: Set<string>;
}

/** A back-channel logout the mock delivered (or tried to). */
export interface LogoutDelivery {
  readonly clientId: string;
  readonly uri: string;
  readonly sid: string;
  readonly sub: string;
  readonly logoutToken: string;
  /** HTTP status the client answered, or 0 when the request failed. */
  readonly status: number;
  readonly error?: string;
  /** Milliseconds since epoch. */
  readonly at: number;
}

/** What the provider remembers of an encrypted ID token it issued. */
export interface EncryptedIdToken {
  readonly iss: string;
  readonly aud: string;
  readonly sid: string;
  /** Milliseconds since epoch. */
  readonly keepUntil: number;
}
