/**
 * Builds the openid-client `Configuration` for one operation: discovered metadata,
 * client authentication, injected fetch, the engine's clock, JWE decryption keys.
 */
import * as client from 'openid-client';
import { importPrivateKey, signingAlgorithm } from '../config/keys';
import type { PrivateJwk, RelyingPartyOptions } from '../config/schema';
import { boundedFetch } from '../http/bounded-fetch';
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

/** Returns a function producing a fresh `Configuration` per operation. */
export function clientFactory(
  input: ClientFactoryInput,
): (metadata: client.ServerMetadata) => Promise<client.Configuration> {
  const { options } = input;
  // Token and userinfo responses carry tokens: a few times the token limit is plenty.
  const fetchFn = boundedFetch(input.fetch, options.maxTokenBytes * 4);
  let auth: Promise<client.ClientAuth> | undefined;
  let decryption: Promise<client.DecryptionKey[]> | undefined;

  function clientAuth(): Promise<client.ClientAuth> {
    auth ??= (async () => {
      const method = options.clientAuth;
      if (method.method === 'client_secret_basic')
        return client.ClientSecretBasic(method.clientSecret);
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

  return async (metadata) => {
    // oauth4webapi reads the time as Date.now() + clockSkew; align it with our clock.
    const skew = Math.floor(input.now() / 1000) - Math.floor(Date.now() / 1000);
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
    config[client.customFetch] = (url, init) => fetchFn(url, init as RequestInit);
    if (new URL(metadata.issuer).protocol === 'http:') client.allowInsecureRequests(config);
    const keys = await decryptionKeys();
    if (keys.length > 0) client.enableDecryptingResponses(config, CONTENT_ENCRYPTION, ...keys);
    return config;
  };
}
