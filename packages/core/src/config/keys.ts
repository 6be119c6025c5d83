/** Imports configured JWKs into WebCrypto keys (jose does the work). */
import type { CryptoKey, JWK } from 'jose';
import { importJWK } from 'jose/key/import';
import { DinhDanhError } from '../errors';
import type { PrivateJwk } from './schema';

/** Signature algorithm for a private key JWK used for client authentication or DPoP. */
export function signingAlgorithm(jwk: PrivateJwk): string {
  if (jwk.alg !== undefined && ['ES256', 'PS256', 'EdDSA', 'RS256'].includes(jwk.alg))
    return jwk.alg;
  if (jwk.kty === 'EC') return 'ES256';
  if (jwk.kty === 'OKP') return 'EdDSA';
  return 'PS256';
}

/** Imports a private JWK for signing (or for decryption with `alg`). */
export async function importPrivateKey(jwk: PrivateJwk, alg: string): Promise<CryptoKey> {
  try {
    const key = await importJWK(jwk as JWK, alg, { extractable: false });
    if (key instanceof Uint8Array) throw new TypeError('symmetric keys are not accepted');
    return key;
  } catch (cause) {
    throw new DinhDanhError(
      'config_invalid',
      `The private key "${jwk.kid}" cannot be imported for ${alg}; check its parameters.`,
      {
        cause,
        path: 'privateKey',
      },
    );
  }
}

/** The public half of a private JWK (drops private members). */
export function publicJwk(jwk: PrivateJwk): JWK {
  const {
    d: _d,
    p: _p,
    q: _q,
    dp: _dp,
    dq: _dq,
    qi: _qi,
    ...rest
  } = jwk as PrivateJwk & Record<string, unknown>;
  return rest as JWK;
}
