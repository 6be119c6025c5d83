/**
 * The receipt's subject: a keyed pseudonym of the provider's subject, never the subject
 * (which may be the personal ID number) in clear. HMAC-SHA256 under a key derived (HKDF)
 * from the relying party's private signing key, so only the key's holder can link a
 * receipt to a citizen, and a 12-digit ID number cannot be recovered by trying them all.
 */
import * as base64url from 'jose/base64url';
import type { PrivateJwk } from '../config/schema';

const INFO = new TextEncoder().encode('dinhdanh consent receipt subject v1');

/** The pseudonym of `subject` at `issuer` under the private key. */
export async function subjectPseudonym(
  key: PrivateJwk,
  issuer: string,
  subject: string,
): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey(
    'raw',
    new Uint8Array(base64url.decode(key.d)),
    'HKDF',
    false,
    ['deriveKey'],
  );
  const hmacKey = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO },
    material,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  const mac = await subtle.sign('HMAC', hmacKey, new TextEncoder().encode(`${issuer}\n${subject}`));
  return base64url.encode(new Uint8Array(mac));
}
