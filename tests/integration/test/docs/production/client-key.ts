import { privateJwkSchema, type PrivateJwk } from '@dinhdanh/core';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * A new private_key_jwt signing key. The private JWK goes to your secret store (it is
 * DINHDANH_PRIVATE_JWK below); the public JWK is what you register with the provider.
 * Both carry the same `kid`, the key's thumbprint, so the provider knows which to use.
 */
export async function newClientKey(): Promise<{ privateJwk: PrivateJwk; publicJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = privateJwkSchema.parse({
    ...(await exportJWK(privateKey)),
    kid,
    alg: 'ES256',
  });
  return { privateJwk, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' } };
}
