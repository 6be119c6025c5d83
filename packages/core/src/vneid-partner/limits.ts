/** Largest envelope body accepted (characters of the JSON text). Larger bodies are refused unread. */
export const MAX_ENVELOPE_CHARS = 1024 * 1024;

/** Largest `code` or `encrypt_key` accepted (characters of base64). */
export const MAX_CODE_CHARS = 8 * 1024;

/** Largest decrypted authorization code (characters). */
export const MAX_PLAIN_CODE_CHARS = 4 * 1024;

/** Smallest RSA modulus (bits) accepted for the relying party's key. */
export const MIN_RSA_BITS = 2048;

/** Largest RSA modulus (bits) accepted for the relying party's key. */
export const MAX_RSA_BITS = 8192;

/** AES key lengths (bytes) the provider may wrap: AES-128, AES-192, AES-256. */
export const AES_KEY_LENGTHS: readonly number[] = [16, 24, 32];

/** AES block size in bytes (also the CBC IV length). */
export const AES_BLOCK = 16;
