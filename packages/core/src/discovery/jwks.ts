/**
 * The provider's signing keys: fetched from `jwks_uri`, cached for a TTL. A token signed
 * with an unknown `kid` causes at most one refetch, and refetches for unknown keys are
 * rate-limited, so an attacker sending made-up `kid`s cannot force a fetch per request.
 *
 * Stale on failure: when the TTL has passed and the refresh fails (network error, non-200,
 * bad JSON, body too large, discovery down), the cached keys keep verifying for a bounded
 * grace ({@link JWKS_STALE_GRACE_SECONDS} past the TTL). During the grace a failed refresh
 * is retried at most once per `refetchIntervalSeconds`, so a failing provider is not
 * fetched on every verification. Past the grace, or with no cached keys at all, a failed
 * refresh fails closed with `jwks_failed`.
 */
import type { JWK, JWSHeaderParameters, FlattenedJWSInput, CryptoKey } from 'jose';
import * as joseErrors from 'jose/errors';
import { createLocalJWKSet } from 'jose/jwks/local';
import { DinhDanhError, isDinhDanhError } from '../errors';
import type { FetchLike } from '../http/fetch';
import { readJsonObject } from '../http/json';

/** How the key store behaves. */
export interface KeyStoreOptions {
  jwksUri: () => Promise<string>;
  fetch: FetchLike;
  now: () => number;
  ttlSeconds: number;
  refetchIntervalSeconds: number;
  /**
   * How long past the TTL cached keys keep verifying while refreshes fail, seconds.
   * Default {@link JWKS_STALE_GRACE_SECONDS}.
   */
  staleGraceSeconds?: number;
}

/**
 * Default stale grace: cached keys keep verifying for up to 24 hours past the JWKS TTL
 * while the provider's `jwks_uri` cannot be fetched. Keys removed by the provider during
 * an outage are only dropped once a refresh succeeds or the grace ends.
 */
export const JWKS_STALE_GRACE_SECONDS = 24 * 3600;

/** Resolves the verification key of a JWS, as jose's `jwtVerify` expects. */
export type KeyResolver = (
  header: JWSHeaderParameters,
  token: FlattenedJWSInput,
) => Promise<CryptoKey>;

/** A cached JWKS. */
export interface KeyStore {
  /** The key for a JWS header; refetches once for an unknown `kid` when allowed. */
  resolve: KeyResolver;
  /** Forgets the cached keys and every rate limit: the next `resolve` fetches the key set. */
  clear(): void;
}

const MAX_JWKS_BYTES = 256 * 1024;

/** Creates the key store. */
export function keyStore(options: KeyStoreOptions): KeyStore {
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let fetchedAt = -Infinity;
  // Only refetches caused by unknown kids are rate-limited, so a key rotated in moments
  // after a routine fetch is still found on first sight.
  let forcedAt = -Infinity;
  let inflight: Promise<void> | undefined;
  // When the last refresh failed; a failed refresh is retried at most once per interval
  // while stale keys are still usable.
  let failedAt = -Infinity;
  const ttlMs = options.ttlSeconds * 1000;
  const intervalMs = options.refetchIntervalSeconds * 1000;
  const graceMs = (options.staleGraceSeconds ?? JWKS_STALE_GRACE_SECONDS) * 1000;

  async function load(): Promise<void> {
    const uri = await options.jwksUri();
    let body: Record<string, unknown> | undefined;
    try {
      const response = await options.fetch(uri, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
      if (response.status === 200) body = await readJsonObject(response, MAX_JWKS_BYTES);
      else await response.body?.cancel().catch(() => undefined);
    } catch (cause) {
      // A time-out says how long it waited; keep that message.
      const message = isDinhDanhError(cause, 'provider_unreachable')
        ? cause.message
        : 'The provider’s JWKS could not be fetched.';
      throw new DinhDanhError('jwks_failed', message, { cause, path: 'jwks_uri' });
    }
    if (body === undefined || !Array.isArray(body.keys)) {
      throw new DinhDanhError('jwks_failed', 'The provider’s JWKS is not a valid key set.', {
        path: 'jwks_uri',
      });
    }
    local = createLocalJWKSet({ keys: body.keys as JWK[] });
    fetchedAt = options.now();
    failedAt = -Infinity;
  }

  function refresh(): Promise<void> {
    inflight ??= load()
      .catch((error: unknown) => {
        failedAt = options.now();
        throw error;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  /** Whether cached keys exist and are still within TTL + grace. */
  function usableWhenStale(): boolean {
    return local !== undefined && options.now() - fetchedAt < ttlMs + graceMs;
  }

  /** Whether a refresh may be tried now (a recent failure waits one interval). */
  function mayRetry(): boolean {
    return options.now() - failedAt >= intervalMs;
  }

  /** Brings the cache up to date when its TTL has passed; keeps stale keys within the grace. */
  async function ensureFresh(): Promise<void> {
    if (local !== undefined && options.now() - fetchedAt < ttlMs) return;
    if (!usableWhenStale()) {
      await refresh();
      return;
    }
    if (!mayRetry()) return;
    try {
      await refresh();
    } catch {
      // Stale keys keep verifying; the failure time rate-limits the next attempt.
    }
  }

  async function lookup(
    header: JWSHeaderParameters,
    token: FlattenedJWSInput,
  ): Promise<CryptoKey | undefined> {
    if (local === undefined) return undefined;
    try {
      return await local(header, token);
    } catch (error) {
      if (error instanceof joseErrors.JWKSNoMatchingKey) return undefined;
      if (error instanceof joseErrors.JWKSMultipleMatchingKeys) {
        throw new DinhDanhError(
          'key_not_found',
          'The token names no key id and the provider has several keys.',
          { cause: error, path: 'kid' },
        );
      }
      throw error;
    }
  }

  return {
    clear() {
      local = undefined;
      fetchedAt = -Infinity;
      forcedAt = -Infinity;
      failedAt = -Infinity;
    },
    async resolve(header, token) {
      await ensureFresh();
      const found = await lookup(header, token);
      if (found !== undefined) return found;
      if (options.now() - forcedAt >= intervalMs && mayRetry()) {
        forcedAt = options.now();
        await refresh();
        const again = await lookup(header, token);
        if (again !== undefined) return again;
      }
      throw new DinhDanhError(
        'key_not_found',
        'The token is signed with a key the provider does not publish.',
        { path: 'kid' },
      );
    },
  };
}
