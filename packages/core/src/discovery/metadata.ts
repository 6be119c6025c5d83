/**
 * OpenID Provider discovery: fetched once, cached for a TTL, retried with exponential
 * backoff, `issuer` checked against the configured one.
 */
import type { ServerMetadata } from 'openid-client';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { wellKnownUrl } from '../http/endpoint-name';
import type { FetchLike, Sleep } from '../http/fetch';
import { readJsonObject } from '../http/json';

/** How discovery behaves. */
export interface DiscoveryOptions {
  issuer: string;
  fetch: FetchLike;
  now: () => number;
  sleep: Sleep;
  ttlSeconds: number;
  attempts: number;
  backoffMs: number;
}

const MAX_METADATA_BYTES = 256 * 1024;

async function fetchOnce(options: DiscoveryOptions): Promise<ServerMetadata> {
  let body: Record<string, unknown> | undefined;
  try {
    const response = await options.fetch(wellKnownUrl(options.issuer), {
      headers: { accept: 'application/json' },
      redirect: 'manual',
    });
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      throw new DinhDanhError(
        'discovery_failed',
        `Discovery answered HTTP ${response.status}; check the issuer URL.`,
        { path: 'issuer' },
      );
    }
    body = await readJsonObject(response, MAX_METADATA_BYTES);
  } catch (cause) {
    if (isDinhDanhError(cause, 'discovery_failed')) throw cause;
    // A time-out names the endpoint in its own error; keep that in the cause.
    throw new DinhDanhError(
      'discovery_failed',
      isDinhDanhError(cause, 'provider_unreachable')
        ? `${cause.message} Check the issuer URL and network.`
        : 'The provider could not be reached for discovery; check the issuer URL and network.',
      { cause, path: 'issuer' },
    );
  }
  if (
    body === undefined ||
    typeof body.issuer !== 'string' ||
    typeof body.authorization_endpoint !== 'string'
  ) {
    throw new DinhDanhError(
      'discovery_failed',
      'The discovery document is not valid OpenID Provider metadata.',
      { path: 'issuer' },
    );
  }
  if (body.issuer !== options.issuer) {
    throw new DinhDanhError(
      'issuer_mismatch',
      'The provider’s discovery document names a different issuer than configured; configure the exact issuer it publishes.',
      { path: 'issuer' },
    );
  }
  return body as ServerMetadata;
}

/** A cached discovery document. */
export interface MetadataCache {
  /** The metadata, fetched when missing or older than the TTL. */
  get(): Promise<ServerMetadata>;
  /** The metadata last fetched, without fetching (`undefined` before the first). */
  peek(): ServerMetadata | undefined;
  /** Forgets the cached document: the next `get` fetches it again. */
  clear(): void;
}

/** Creates the discovery cache. Concurrent callers share one fetch. */
export function metadataCache(options: DiscoveryOptions): MetadataCache {
  let cached: { value: ServerMetadata; at: number } | undefined;
  let inflight: Promise<ServerMetadata> | undefined;

  async function load(): Promise<ServerMetadata> {
    let lastError: unknown;
    for (let attempt = 0; attempt < options.attempts; attempt += 1) {
      if (attempt > 0) await options.sleep(options.backoffMs * 2 ** (attempt - 1));
      try {
        const value = await fetchOnce(options);
        cached = { value, at: options.now() };
        return value;
      } catch (error) {
        // A wrong issuer is a configuration fact, not a transient failure.
        if (isDinhDanhError(error, 'issuer_mismatch')) throw error;
        lastError = error;
      }
    }
    if (cached !== undefined) return cached.value; // stale beats down
    throw lastError instanceof DinhDanhError
      ? lastError
      : new DinhDanhError('discovery_failed', 'Discovery failed.', {
          cause: lastError,
          path: 'issuer',
        });
  }

  return {
    peek: () => cached?.value,
    clear() {
      cached = undefined;
    },
    get() {
      if (cached !== undefined && options.now() - cached.at < options.ttlSeconds * 1000) {
        return Promise.resolve(cached.value);
      }
      inflight ??= load().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
  };
}
