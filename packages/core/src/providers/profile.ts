/**
 * A provider profile: what differs between national identity providers that the engine
 * must know — `acr` values and their levels, the claims dialect, scopes per attribute.
 */
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import type { Dialect } from '../claims/normalize';
import type { RelyingPartyOptions } from '../config/schema';
import type { FetchLike } from '../http/fetch';
import type { ReplayCache } from '../replay-cache';
import type { QrLoginHandle, QrLoginStatus } from '../rp/types';

/** How a provider releases attributes: in the ID token, from userinfo, or both. */
export type UserinfoPolicy = 'always' | 'when_claims' | 'never';

/** What a callback decoder returns: the code to redeem and extra token-request parameters. */
export interface DecodedCallback {
  /** The authorization code to send to the token endpoint. */
  readonly code: string;
  /** Extra form parameters of the token request (for example `encrypt_key`). */
  readonly tokenParams?: Readonly<Record<string, string>>;
}

/** Endpoints given by document instead of discovery (absolute URLs on the issuer's origin). */
export interface StaticEndpoints {
  /** The authorization endpoint the browser is sent to. */
  readonly authorization: string;
  /** The token endpoint. */
  readonly token: string;
  /** The userinfo endpoint. */
  readonly userinfo: string;
}

/**
 * Plug-in points for providers that do not speak OpenID Connect as written (DESIGN.md):
 * a callback-parameter decoder, a response-body decoder and the identity source.
 * The engine calls `decodeCallback` only after `state` matched the transaction.
 */
export interface ProtocolPlugins {
  /** Where the identity comes from: a signed ID token, or userinfo alone (no ID token). */
  readonly identitySource: 'id_token' | 'userinfo';
  /** How the client authenticates at the token endpoint (`client_secret_post`: the configured secret in the form body). */
  readonly tokenAuth: 'client_secret_post';
  /**
   * Decodes the callback's parameters, read from the raw query (`+` kept). Called only
   * after `state` matched a live transaction.
   */
  readonly decodeCallback?: (params: ReadonlyMap<string, string>) => Promise<DecodedCallback>;
  /** Decodes a token or userinfo response body into its JSON object. */
  readonly decodeBody?: (
    body: string,
    kind: 'token' | 'userinfo',
  ) => Promise<Record<string, unknown>>;
  /** Static endpoints: when set, discovery is skipped (checked against the issuer at creation). */
  readonly endpoints?: StaticEndpoints;
  /**
   * Largest token and userinfo answers read, in bytes (default `maxTokenBytes × 4` for
   * both); a larger answer is `provider_response_too_large`.
   */
  readonly maxBodyBytes?: { readonly token: number; readonly userinfo: number };
  /** The userinfo member that carries the level, named in `insufficient_level` errors. */
  readonly levelClaim?: string;
}

/** What a cross-device login asks for, validated. */
export interface CrossDeviceRequest {
  /** The level asked for. */
  readonly level: AssuranceLevel;
  /** Attributes asked for. */
  readonly claims: readonly AttributeName[];
  /** Attributes without which the login fails. */
  readonly required: readonly AttributeName[];
  /** Why the data is asked for, shown to the citizen. */
  readonly purpose?: string;
}

/** What a cross-device transport's `start` returns. */
export interface CrossDeviceStart {
  /** Secret reference the transport needs to poll (device code, txnId...). */
  readonly ref: string;
  /** URI for the QR code / app link. */
  readonly qrUri: string;
  /** Code to type instead, when any. */
  readonly userCode?: string;
  /** Lifetime, seconds. */
  readonly expiresIn: number;
  /** Poll interval, seconds. */
  readonly interval: number;
}

/**
 * What a cross-device transport of a profile may use of the relying party: its options,
 * profile, `fetch`, clock and replay cache — not the whole engine.
 */
export interface CrossDeviceContext {
  /** The relying party's validated options. */
  readonly options: RelyingPartyOptions;
  /** The provider profile (the one carrying the transport). */
  readonly profile: ProviderProfile;
  /** The relying party's `fetch`. */
  readonly fetch: FetchLike;
  /** The relying party's clock (ms since the epoch). */
  readonly now: () => number;
  /** The relying party's replay cache. */
  readonly replayCache: ReplayCache;
}

/**
 * A cross-device transport a profile brings (for example VNeID share transactions):
 * `startQrLogin` starts with it and `pollQrLogin` finds it by name.
 */
export interface CrossDeviceTransport {
  /** Name stored in handles. */
  readonly name: string;
  /** Starts a cross-device transaction at the provider. */
  start(ctx: CrossDeviceContext, request: CrossDeviceRequest): Promise<CrossDeviceStart>;
  /** Polls once. Called only for handles that are valid and not yet expired. */
  poll(ctx: CrossDeviceContext, handle: QrLoginHandle): Promise<QrLoginStatus>;
}

/** A provider profile. Build one with `vneid()`, `postid()`, `dvcqg()` or `oidc()`. */
export interface ProviderProfile {
  /** Short id recorded in identities (`vneid`, `postid`, `dvcqg`, `oidc`). */
  readonly id: string;
  /** Claims dialect the normaliser reads. */
  readonly dialect: Dialect;
  /** Every accepted `acr` value (all variants seen in the wild) and its level. */
  readonly acr: Readonly<Record<string, AssuranceLevel>>;
  /** The `acr` value to send for each level. */
  readonly acrValues: Readonly<Partial<Record<AssuranceLevel, string>>>;
  /** Scopes always requested. */
  readonly scopes: readonly string[];
  /** Extra scopes that release each attribute. */
  readonly attributeScopes: Readonly<Partial<Record<AttributeName, readonly string[]>>>;
  /** Level asked for when `startLogin` names none. */
  readonly defaultLevel: AssuranceLevel;
  /** When to call userinfo. */
  readonly userinfo: UserinfoPolicy;
  /** Protocol plug-ins of a non-standard provider (for example `vneidPartner()`); absent for OpenID Connect. */
  readonly protocol?: ProtocolPlugins;
  /**
   * The profile's own cross-device transport (for example from `withShareTransactions`):
   * `startQrLogin` uses it instead of the device authorization grant.
   */
  readonly crossDevice?: CrossDeviceTransport;
}

/** Overrides accepted by every profile factory. */
export type ProviderProfileOverrides = Partial<ProviderProfile>;

/** The `acr` variants seen in the wild, for every dialect: "1"/"2", LoA1/LoA2, our URIs. */
export const COMMON_ACR: Readonly<Record<string, AssuranceLevel>> = {
  '0': 0,
  '1': 1,
  '2': 2,
  LoA0: 0,
  LoA1: 1,
  LoA2: 2,
  loa0: 0,
  loa1: 1,
  loa2: 2,
  'urn:dinhdanh:loa:0': 0,
  'urn:dinhdanh:loa:1': 1,
  'urn:dinhdanh:loa:2': 2,
};

/** Merges overrides into a base profile (maps are merged, not replaced, except `acrValues`). */
export function buildProfile(
  base: ProviderProfile,
  overrides: ProviderProfileOverrides = {},
): ProviderProfile {
  return {
    ...base,
    ...overrides,
    acr: { ...base.acr, ...overrides.acr },
    acrValues: { ...base.acrValues, ...overrides.acrValues },
    attributeScopes: { ...base.attributeScopes, ...overrides.attributeScopes },
  };
}
