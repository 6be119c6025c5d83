/**
 * Everything an engine operation needs, built once by `createRelyingParty`. Holds caches
 * (discovery, keys), never per-user state.
 */
import type * as client from 'openid-client';
import type { RelyingPartyOptions } from '../config/schema';
import type { KeyStore } from '../discovery/jwks';
import type { MetadataCache } from '../discovery/metadata';
import type { FetchLike, Sleep } from '../http/fetch';
import type { ProviderProfile } from '../providers/profile';
import type { ReplayCache } from '../replay-cache';

/** Internal engine context. */
export interface RpContext {
  readonly options: RelyingPartyOptions;
  readonly profile: ProviderProfile;
  readonly fetch: FetchLike;
  readonly now: () => number;
  readonly sleep: Sleep;
  readonly metadata: MetadataCache;
  readonly keys: KeyStore;
  readonly replayCache: ReplayCache;
  /**
   * The openid-client configuration for the current discovery metadata (clock set from
   * `now`); shared by concurrent operations, so never modify it.
   */
  client(): Promise<client.Configuration>;
  /** DPoP handle options for a protocol call, when DPoP is configured. */
  dpop(config: client.Configuration): Promise<{ DPoP?: client.DPoPHandle }>;
}
