import { OpenFailure } from './failure';

// Standard alphabet only (the provider's Java code uses java.util.Base64): '+' and '/' are
// data, never URL-decoded, and whitespace is refused rather than silently skipped.
const STANDARD = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes standard base64 strictly; any deviation is an {@link OpenFailure}. */
export function decodeBase64(text: string, maxChars: number): Uint8Array {
  if (text.length === 0 || text.length > maxChars || !STANDARD.test(text)) throw new OpenFailure();
  if (text.includes('=') && text.length % 4 !== 0) throw new OpenFailure();
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new OpenFailure();
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// Bytes per String.fromCharCode call: well under every engine's argument limit.
const CHUNK = 0x8000;

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    // `apply` with the typed array, not a spread: a spread walks the iterator byte by byte
    // (measured ten times slower on Node 20; it was most of the mock's cost of sealing).
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return btoa(binary);
}
