/** Random identifiers and hashes, from WebCrypto. */
import { base64url } from 'jose';

/** A random URL-safe token with `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a string, base64url (PKCE S256, pairwise subjects, at_hash). */
export async function sha256(input: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(input)));
}

/** SHA-256 of a string, base64url-encoded. */
export async function sha256b64(input: string): Promise<string> {
  return base64url.encode(await sha256(input));
}

/** Compare two secrets without leaking where they differ (compares their hashes). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([sha256(a), sha256(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= (ha[i] ?? 0) ^ (hb[i] ?? 0);
  return diff === 0;
}

const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';

/** An RFC 8628 §6.1 user code: 8 characters without vowels, shown as XXXX-XXXX. */
export function userCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const chars = Array.from(bytes, (b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length] ?? 'B');
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** Normalise what a person typed as a user code (case, dashes, spaces). */
export function normaliseUserCode(input: string): string {
  const clean = input.toUpperCase().replace(/[^A-Z]/g, '');
  return clean.length === 8 ? `${clean.slice(0, 4)}-${clean.slice(4)}` : clean;
}
