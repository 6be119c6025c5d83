/** Sign (and for ID tokens optionally encrypt) the provider's JWTs. */
import { CompactEncrypt, importJWK, SignJWT, UnsecuredJWT, type JWK, type JWTPayload } from 'jose';
import type { MockClient } from '../options';
import type { SigningKey } from '../keys/signing-key';

/** Sign a payload with a key, `typ` header optional. */
export async function signJwt(payload: JWTPayload, key: SigningKey, typ?: string): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, ...(typ === undefined ? {} : { typ }) })
    .sign(key.privateKey);
}

/** An unsecured JWT (`alg: none`), only for the `id_token_alg_none` fault. */
export function unsecuredJwt(payload: JWTPayload): string {
  return new UnsecuredJWT(payload).encode();
}

/** Corrupt a JWS signature (the `id_token_bad_signature` fault). */
export function corruptSignature(jws: string): string {
  const dot = jws.lastIndexOf('.');
  const signature = jws.slice(dot + 1);
  const first = signature[0] === 'A' ? 'B' : 'A';
  return `${jws.slice(0, dot + 1)}${first}${signature.slice(1)}`;
}

/** The client's ID token encryption key, when it registered one. */
export function encryptionKeyOf(client: MockClient): JWK | undefined {
  const keys = client.jwks?.keys ?? [];
  return keys.find((k) => k.use === 'enc');
}

/** Encrypt a signed ID token to the client's key (nested JWT, `cty: JWT`). */
export async function encryptForClient(jws: string, client: MockClient, jwk: JWK): Promise<string> {
  const alg =
    client.idTokenEncryptedResponseAlg ?? (jwk.kty === 'RSA' ? 'RSA-OAEP-256' : 'ECDH-ES+A256KW');
  const key = await importJWK({ ...jwk, alg }, alg);
  return new CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({
      alg,
      enc: client.idTokenEncryptedResponseEnc,
      cty: 'JWT',
      ...(jwk.kid === undefined ? {} : { kid: jwk.kid }),
    })
    .encrypt(key);
}
