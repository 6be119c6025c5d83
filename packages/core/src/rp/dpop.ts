import * as client from 'openid-client';
import type { CryptoKey } from 'jose';
import { importJWK } from 'jose/key/import';
import { importPrivateKey, publicJwk, signingAlgorithm } from '../config/keys';
import type { PrivateJwk } from '../config/schema';

/** Returns a function giving the DPoP option for protocol calls (empty when DPoP is off). */
export function dpopFactory(
  jwk: PrivateJwk | undefined,
): (config: client.Configuration) => Promise<{ DPoP?: client.DPoPHandle }> {
  if (jwk === undefined) return () => Promise.resolve({});
  let pair: Promise<CryptoKeyPair> | undefined;
  return async (config) => {
    pair ??= (async () => {
      const alg = signingAlgorithm(jwk);
      const privateKey = await importPrivateKey(jwk, alg);
      const publicKey = (await importJWK(publicJwk(jwk), alg, { extractable: true })) as CryptoKey;
      return { privateKey, publicKey };
    })();
    return { DPoP: client.getDPoPHandle(config, await pair) };
  };
}
