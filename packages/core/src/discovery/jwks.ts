/**
 * The provider's signing keys: fetched from `jwks_uri`, cached for a TTL. A token signed
 * with an unknown `kid` causes at most one refetch, and refetches for unknown keys are
 * rate-limited, so an attacker sending made-up `kid`s cannot force a fetch per request.
 */
import type { JWK, JWSHeaderParameters, FlattenedJWSInput, CryptoKey } from 'jose';
import { createLocalJWKSet, errors as joseErrors } from 'jose';
import { DinhDanhError } from '../errors';
import type { FetchLike } from '../http/fetch';
import { readJsonObject } from '../http/fetch';

/** How the key store behaves. */
export interface KeyStoreOptions {
  jwksUri: () => Promise<string>;
  fetch: FetchLike;
  now: () => number;
  ttlSeconds: number;
  refetchIntervalSeconds: number;
}

/** Resolves the verification key of a JWS, as jose's `jwtVerify` expects. */
export type KeyResolver = (
  header: JWSHeaderParameters,
  token: FlattenedJWSInput,
) => Promise<CryptoKey>;

/** A cached JWKS. */
export interface KeyStore {
  /** The key for a JWS header; refetches once for an unknown `kid` when allowed. */
  resolve: KeyResolver;
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

  async function load(): Promise<void> {
    const uri = await options.jwksUri();
    let response: Response;
    try {
      response = await options.fetch(uri, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
      });
    } catch (cause) {
      throw new DinhDanhError('jwks_failed', 'The provider’s JWKS could not be fetched.', {
        cause,
      });
    }
    const body =
      response.status === 200 ? await readJsonObject(response, MAX_JWKS_BYTES) : undefined;
    if (body === undefined || !Array.isArray(body.keys)) {
      throw new DinhDanhError('jwks_failed', 'The provider’s JWKS is not a valid key set.');
    }
    local = createLocalJWKSet({ keys: body.keys as JWK[] });
    fetchedAt = options.now();
  }

  function refresh(): Promise<void> {
    inflight ??= load().finally(() => {
      inflight = undefined;
    });
    return inflight;
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
          { cause: error },
        );
      }
      throw error;
    }
  }

  return {
    async resolve(header, token) {
      if (local === undefined || options.now() - fetchedAt >= options.ttlSeconds * 1000)
        await refresh();
      const found = await lookup(header, token);
      if (found !== undefined) return found;
      if (options.now() - forcedAt >= options.refetchIntervalSeconds * 1000) {
        forcedAt = options.now();
        await refresh();
        const again = await lookup(header, token);
        if (again !== undefined) return again;
      }
      throw new DinhDanhError(
        'key_not_found',
        'The token is signed with a key the provider does not publish.',
      );
    },
  };
}
