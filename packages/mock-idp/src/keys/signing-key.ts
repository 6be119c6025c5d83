/** One signing key pair with its public JWK. */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { SigningAlg } from '../options';

/** A signing key: the private key signs, the public JWK is published. */
export interface SigningKey {
  readonly kid: string;
  readonly alg: SigningAlg;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** Generate a fresh signing key; `kid` is its RFC 7638 thumbprint. */
export async function generateSigningKey(alg: SigningAlg): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(
    alg === 'EdDSA' ? 'Ed25519' : alg,
    alg === 'EdDSA' ? { extractable: true } : { extractable: true, modulusLength: 2048 },
  );
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, alg, privateKey, publicKey, publicJwk: { ...jwk, kid, alg, use: 'sig' } };
}
