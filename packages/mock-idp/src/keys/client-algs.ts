/**
 * JWS algorithms the provider accepts on what clients sign: `private_key_jwt` client
 * assertions (RFC 7523) and DPoP proofs (RFC 9449). Asymmetric only; `Ed25519` is the
 * fully specified name of `EdDSA` with an Ed25519 key.
 */
export const CLIENT_SIGNING_ALGS = [
  'ES256',
  'ES384',
  'ES512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'EdDSA',
  'Ed25519',
];

/** {@link CLIENT_SIGNING_ALGS} as discovery advertises them: `EdDSA` stands for `Ed25519`. */
export const ADVERTISED_CLIENT_SIGNING_ALGS = CLIENT_SIGNING_ALGS.filter((a) => a !== 'Ed25519');
