/**
 * What every consumer of a provider shares: a `fetch` bounded in time, the discovery
 * document (or the configured endpoints) and the signing keys, each cached.
 */
import type { StaticEndpoints } from '../providers/profile';
import { staticMetadata } from '../config/provider';
import { DinhDanhError } from '../errors';
import { endpointName } from '../http/endpoint-name';
import type { FetchLike, Sleep } from '../http/fetch';
import { timedFetch } from '../http/timed-fetch';
import type { KeyStore } from './jwks';
import { keyStore } from './jwks';
import type { MetadataCache } from './metadata';
import { metadataCache } from './metadata';

/** The options the caches read (a subset of the relying party's). */
export interface ProviderCacheOptions {
  issuer: string;
  httpTimeoutMs: number;
  discoveryTtl: number;
  discoveryAttempts: number;
  discoveryBackoffMs: number;
  jwksTtl: number;
  jwksRefetchInterval: number;
  jwksStaleGrace: number;
}

/** The provider as the engine sees it. */
export interface ProviderCaches {
  /** `fetch` bounded by `httpTimeoutMs`; its time-out names the endpoint in `path`. */
  fetch: FetchLike;
  metadata: MetadataCache;
  keys: KeyStore;
  /** Drops the cached discovery document and keys. */
  clear(): void;
}

/** Builds the bounded `fetch`, the discovery cache and the key store for one provider. */
export function providerCaches(
  options: ProviderCacheOptions,
  io: { fetch: FetchLike; now: () => number; sleep: Sleep; endpoints?: StaticEndpoints },
): ProviderCaches {
  const fetch = timedFetch(io.fetch, options.httpTimeoutMs, (url) => {
    const name = endpointName(options.issuer, metadata.peek(), url);
    return new DinhDanhError(
      'provider_unreachable',
      `The provider’s ${name} did not answer within ${options.httpTimeoutMs} ms.`,
      // The cause marks a time-out for callers that report it apart (plug-in protocols).
      {
        path: name,
        cause: new DOMException('The provider did not answer in time.', 'TimeoutError'),
      },
    );
  });
  const metadata: MetadataCache = io.endpoints
    ? staticMetadata(options.issuer, io.endpoints)
    : metadataCache({
        issuer: options.issuer,
        fetch,
        now: io.now,
        sleep: io.sleep,
        ttlSeconds: options.discoveryTtl,
        attempts: options.discoveryAttempts,
        backoffMs: options.discoveryBackoffMs,
      });
  const keys = keyStore({
    jwksUri: async () => {
      const uri = (await metadata.get()).jwks_uri;
      if (typeof uri !== 'string')
        throw new DinhDanhError('discovery_failed', 'The provider publishes no jwks_uri.', {
          path: 'jwks_uri',
        });
      return uri;
    },
    fetch,
    now: io.now,
    ttlSeconds: options.jwksTtl,
    refetchIntervalSeconds: options.jwksRefetchInterval,
    staleGraceSeconds: options.jwksStaleGrace,
  });
  return {
    fetch,
    metadata,
    keys,
    clear() {
      metadata.clear();
      keys.clear();
    },
  };
}
