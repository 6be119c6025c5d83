/**
 * Builds the openid-client `Configuration` operations use: discovered metadata, client
 * authentication, injected fetch, the engine's clock, JWE decryption keys. One is kept and
 * reused while the discovery cache hands out the same metadata object and the clock offset
 * is unchanged (building one clones the whole metadata document).
 */
import * as client from 'openid-client';
import { importPrivateKey, signingAlgorithm } from '../config/keys';
import type { PrivateJwk, RelyingPartyOptions } from '../config/schema';
import { DinhDanhError } from '../errors';
import { boundedFetch } from '../http/bounded-fetch';
import { endpointName } from '../http/endpoint-name';
import type { FetchLike } from '../http/fetch';

/** Prepared, reusable pieces (keys are imported once). */
export interface ClientFactoryInput {
  options: RelyingPartyOptions;
  fetch: FetchLike;
  now: () => number;
}

const CONTENT_ENCRYPTION = [
  'A128GCM',
  'A192GCM',
  'A256GCM',
  'A128CBC-HS256',
  'A192CBC-HS384',
  'A256CBC-HS512',
];

function encryptionAlgorithm(jwk: PrivateJwk): string {
  if (jwk.alg !== undefined) return jwk.alg;
  return jwk.kty === 'RSA' ? 'RSA-OAEP-256' : 'ECDH-ES';
}

/**
 * Returns a function giving the `Configuration` for some discovered metadata: the one built
 * last when `metadata` is the same object and the clock offset is the same, else a new one
 * (discovery refreshed, or the injected clock moved against the real one).
 */
export function clientFactory(
  input: ClientFactoryInput,
): (metadata: client.ServerMetadata) => Promise<client.Configuration> {
  const { options } = input;
  // Token and userinfo responses carry tokens: a few times the token limit is plenty.
  const fetchFn = (metadata: client.ServerMetadata) =>
    boundedFetch(input.fetch, options.maxTokenBytes * 4, (url, maxBytes) => {
      const name = endpointName(options.issuer, metadata, url);
      // A token answer that large can only be carrying an oversized token.
      return new DinhDanhError(
        name === 'token_endpoint' ? 'token_too_large' : 'provider_response_invalid',
        `The provider’s ${name} sent a response larger than ${maxBytes} bytes; it was refused.`,
        { path: name },
      );
    });
  let auth: Promise<client.ClientAuth> | undefined;
  let decryption: Promise<client.DecryptionKey[]> | undefined;

  function clientAuth(): Promise<client.ClientAuth> {
    auth ??= (async () => {
      const method = options.clientAuth;
      if (method.method === 'client_secret_basic')
        return client.ClientSecretBasic(method.clientSecret);
      if (method.method === 'client_secret_post')
        return client.ClientSecretPost(method.clientSecret);
      const key = await importPrivateKey(method.privateKey, signingAlgorithm(method.privateKey));
      return client.PrivateKeyJwt({ key, kid: method.privateKey.kid });
    })();
    return auth;
  }

  function decryptionKeys(): Promise<client.DecryptionKey[]> {
    decryption ??= Promise.all(
      options.encryptionKeys.map(async (jwk) => {
        const alg = encryptionAlgorithm(jwk);
        return { key: await importPrivateKey(jwk, alg), alg, kid: jwk.kid };
      }),
    );
    return decryption;
  }

  let cached:
    | { metadata: client.ServerMetadata; skew: number; config: Promise<client.Configuration> }
    | undefined;

  return (metadata) => {
    // oauth4webapi reads the time as Date.now() + clockSkew; align it with our clock.
    const skew = Math.floor(input.now() / 1000) - Math.floor(Date.now() / 1000);
    if (cached?.metadata === metadata && cached.skew === skew) return cached.config;
    const config = build(metadata, skew);
    const entry = { metadata, skew, config };
    cached = entry;
    // A failed build is not kept: the next operation tries again.
    config.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return config;
  };

  async function build(
    metadata: client.ServerMetadata,
    skew: number,
  ): Promise<client.Configuration> {
    const config = new client.Configuration(
      metadata,
      options.clientId,
      {
        redirect_uris: [options.redirectUri],
        [client.clockSkew]: skew,
        [client.clockTolerance]: options.clockTolerance,
      },
      await clientAuth(),
    );
    const bounded = fetchFn(metadata);
    config[client.customFetch] = (url, init) => bounded(url, init as RequestInit);
    if (new URL(metadata.issuer).protocol === 'http:') client.allowInsecureRequests(config);
    const keys = await decryptionKeys();
    if (keys.length > 0) client.enableDecryptingResponses(config, CONTENT_ENCRYPTION, ...keys);
    return config;
  }
}
