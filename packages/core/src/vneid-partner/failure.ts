import { DinhDanhError } from '../errors';

/**
 * The one message of every envelope and encrypted-code failure. It is identical for bad
 * base64, a wrong key, bad padding, truncated data and non-JSON plaintext, so a caller
 * (or an attacker probing the callback) cannot tell the causes apart: no padding oracle.
 */
export const ENVELOPE_INVALID_MESSAGE =
  'An encrypted response or authorization code from the provider could not be opened. ' +
  "Check that the relying party's RSA private key matches the public key registered with " +
  'the provider and that the AES mode (ecb or cbc) matches its configuration.';

/** A fresh `envelope_invalid` error. Never carries the body, the key or a cause. */
export function envelopeInvalid(): DinhDanhError {
  return new DinhDanhError('envelope_invalid', ENVELOPE_INVALID_MESSAGE);
}

/** Thrown inside the decoding steps; always turned into {@link envelopeInvalid} at the edge. */
export class OpenFailure extends Error {
  constructor() {
    super('open failed');
  }
}
