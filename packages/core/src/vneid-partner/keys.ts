import forge from 'node-forge';
import { DinhDanhError } from '../errors';
import { MAX_RSA_BITS, MIN_RSA_BITS } from './limits';

/** An RSA key as a JSON Web Key (RFC 7517). Only `kty: "RSA"` is accepted. */
export interface PartnerJwk {
  readonly kty: string;
  readonly [member: string]: unknown;
}

/** The relying party's RSA private key, imported once with {@link importPartnerPrivateKey}. */
export interface PartnerPrivateKey {
  readonly type: 'vneid-partner-private-key';
  /** Modulus size in bits. */
  readonly bits: number;
}

/** An RSA public key (the relying party's, as registered with the provider), imported once. */
export interface PartnerPublicKey {
  readonly type: 'vneid-partner-public-key';
  /** Modulus size in bits. */
  readonly bits: number;
}

/**
 * A private key as PEM (PKCS#1 `RSA PRIVATE KEY` or PKCS#8 `PRIVATE KEY`), the same DER in
 * base64 without armour, a JWK, or already imported.
 */
export type PartnerPrivateKeyInput = string | PartnerJwk | PartnerPrivateKey;

/** A public key as PEM (SPKI `PUBLIC KEY`, PKCS#1 `RSA PUBLIC KEY`, or `CERTIFICATE`), JWK, or already imported. */
export type PartnerPublicKeyInput = string | PartnerJwk | PartnerPublicKey;

interface PrivateMaterial {
  readonly forge: forge.pki.rsa.PrivateKey;
  /** PKCS#8 PEM, for platform crypto. */
  readonly pkcs8Pem: string;
}

interface PublicMaterial {
  readonly forge: forge.pki.rsa.PublicKey;
  /** SubjectPublicKeyInfo PEM, for platform crypto. */
  readonly spkiPem: string;
}

// Key material stays out of the public objects (and out of their types): callers hold an
// opaque handle that cannot be serialised or logged by accident.
const privateMaterial = new WeakMap<PartnerPrivateKey, PrivateMaterial>();
const publicMaterial = new WeakMap<PartnerPublicKey, PublicMaterial>();

function configInvalid(message: string): DinhDanhError {
  return new DinhDanhError('config_invalid', message, { path: 'privateKey' });
}

function publicConfigInvalid(message: string): DinhDanhError {
  return new DinhDanhError('config_invalid', message, { path: 'publicKey' });
}

function pemLabel(pem: string): string | undefined {
  return /-----BEGIN ([A-Z0-9 ]+)-----/.exec(pem)?.[1];
}

function bigFromB64url(value: unknown): forge.jsbn.BigInteger | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = forge.util.decode64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new forge.jsbn.BigInteger(forge.util.bytesToHex(bytes), 16);
}

function checkSize(bits: number, fail: (message: string) => DinhDanhError): void {
  if (bits < MIN_RSA_BITS) {
    throw fail(
      `The RSA key has ${String(bits)} bits; at least ${String(MIN_RSA_BITS)} are required. Generate a new key pair and register its public key with the provider.`,
    );
  }
  if (bits > MAX_RSA_BITS) {
    throw fail(
      `The RSA key has ${String(bits)} bits; at most ${String(MAX_RSA_BITS)} are accepted.`,
    );
  }
}

/** Base64 DER without PEM armour, as some integration guides store keys; undefined if not that. */
function bareDer(text: string): forge.asn1.Asn1 | undefined {
  const clean = text.replace(/\s+/g, '');
  if (text.includes('-----') || clean.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    return undefined;
  }
  try {
    return forge.asn1.fromDer(forge.util.decode64(clean));
  } catch {
    return undefined;
  }
}

function privateFromPem(pem: string): forge.pki.rsa.PrivateKey {
  const der = bareDer(pem);
  if (der) {
    try {
      return forge.pki.privateKeyFromAsn1(der);
    } catch {
      throw configInvalid(
        'The private key (base64 DER without PEM armour) is not an RSA private key in PKCS#1 or PKCS#8.',
      );
    }
  }
  const label = pemLabel(pem);
  if (label === 'ENCRYPTED PRIVATE KEY') {
    throw configInvalid(
      'The private key PEM is password-protected; decrypt it before passing it (PKCS#1 or PKCS#8, unencrypted).',
    );
  }
  if (label !== 'RSA PRIVATE KEY' && label !== 'PRIVATE KEY') {
    throw configInvalid(
      'The private key must be an RSA key: PEM "RSA PRIVATE KEY" (PKCS#1), "PRIVATE KEY" (PKCS#8) or a JWK with kty "RSA".',
    );
  }
  try {
    return forge.pki.privateKeyFromPem(pem);
  } catch {
    throw configInvalid(
      'The private key PEM could not be read as an RSA private key (PKCS#1 or PKCS#8).',
    );
  }
}

function privateFromJwk(jwk: PartnerJwk): forge.pki.rsa.PrivateKey {
  if (jwk.kty !== 'RSA') throw configInvalid('The private key JWK must have kty "RSA".');
  const parts = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'].map((name) => bigFromB64url(jwk[name]));
  const [n, e, d, p, q, dp, dq, qi] = parts;
  if (!n || !e || !d || !p || !q || !dp || !dq || !qi) {
    throw configInvalid('The private key JWK must carry n, e, d, p, q, dp, dq and qi (base64url).');
  }
  return forge.pki.setRsaPrivateKey(n, e, d, p, q, dp, dq, qi);
}

function checkConsistent(key: forge.pki.rsa.PrivateKey): void {
  // A key whose factors do not multiply to the modulus decrypts nothing: say so at start-up
  // rather than as an envelope failure on the first login.
  if (key.p.multiply(key.q).compareTo(key.n) !== 0) {
    throw configInvalid('The RSA private key is inconsistent (p × q ≠ n).');
  }
}

/**
 * Imports the relying party's RSA private key once, for {@link openEnvelope} and
 * {@link decryptCode}.
 *
 * @param input PEM (PKCS#1 or PKCS#8, unencrypted) or a JWK with `kty: "RSA"` and its CRT members.
 * @returns An opaque handle; the key material cannot be read back from it.
 * @throws `config_invalid` for another key type, an encrypted or malformed key, or fewer than 2048 bits.
 */
export function importPartnerPrivateKey(input: PartnerPrivateKeyInput): PartnerPrivateKey {
  if (typeof input === 'object' && input !== null && input.type === 'vneid-partner-private-key') {
    if (!privateMaterial.has(input as PartnerPrivateKey)) {
      throw configInvalid('The private key handle was not made by importPartnerPrivateKey.');
    }
    return input as PartnerPrivateKey;
  }
  let key: forge.pki.rsa.PrivateKey;
  if (typeof input === 'string') key = privateFromPem(input);
  else if (typeof input === 'object' && input !== null && 'kty' in input)
    key = privateFromJwk(input);
  else throw configInvalid('The private key must be a PEM string or an RSA JWK.');
  const bits = key.n.bitLength();
  checkSize(bits, configInvalid);
  checkConsistent(key);
  const pkcs8Pem = forge.pki.privateKeyInfoToPem(
    forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key)),
  );
  const handle: PartnerPrivateKey = Object.freeze({ type: 'vneid-partner-private-key', bits });
  privateMaterial.set(handle, { forge: key, pkcs8Pem });
  return handle;
}

function publicFromPem(pem: string): forge.pki.rsa.PublicKey {
  const der = bareDer(pem);
  if (der) {
    try {
      return forge.pki.publicKeyFromAsn1(der);
    } catch {
      throw publicConfigInvalid(
        'The public key (base64 DER without PEM armour) is not an RSA public key.',
      );
    }
  }
  const label = pemLabel(pem);
  const wrong = () =>
    publicConfigInvalid(
      'The public key must be an RSA key: PEM "PUBLIC KEY" (SPKI), "RSA PUBLIC KEY" (PKCS#1), "CERTIFICATE", or a JWK with kty "RSA".',
    );
  try {
    if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') {
      return forge.pki.publicKeyFromPem(pem);
    }
    if (label === 'CERTIFICATE') {
      return forge.pki.certificateFromPem(pem).publicKey as forge.pki.rsa.PublicKey;
    }
  } catch {
    throw wrong();
  }
  throw wrong();
}

function publicFromJwk(jwk: PartnerJwk): forge.pki.rsa.PublicKey {
  if (jwk.kty !== 'RSA') throw publicConfigInvalid('The public key JWK must have kty "RSA".');
  const n = bigFromB64url(jwk.n);
  const e = bigFromB64url(jwk.e);
  if (!n || !e) throw publicConfigInvalid('The public key JWK must carry n and e (base64url).');
  return forge.pki.setRsaPublicKey(n, e);
}

/**
 * Imports an RSA public key once, for {@link sealEnvelope} and {@link encryptCode} (the
 * mock provider's side, and tests).
 *
 * @param input PEM (SPKI, PKCS#1 or a certificate) or a JWK with `kty: "RSA"`.
 * @returns An opaque handle.
 * @throws `config_invalid` for another key type, a malformed key, or fewer than 2048 bits.
 */
export function importPartnerPublicKey(input: PartnerPublicKeyInput): PartnerPublicKey {
  if (typeof input === 'object' && input !== null && input.type === 'vneid-partner-public-key') {
    if (!publicMaterial.has(input as PartnerPublicKey)) {
      throw publicConfigInvalid('The public key handle was not made by importPartnerPublicKey.');
    }
    return input as PartnerPublicKey;
  }
  let key: forge.pki.rsa.PublicKey;
  if (typeof input === 'string') key = publicFromPem(input);
  else if (typeof input === 'object' && input !== null && 'kty' in input)
    key = publicFromJwk(input);
  else throw publicConfigInvalid('The public key must be a PEM string or an RSA JWK.');
  if (typeof (key as { n?: unknown }).n !== 'object') {
    throw publicConfigInvalid('The public key is not an RSA key.');
  }
  const bits = key.n.bitLength();
  checkSize(bits, publicConfigInvalid);
  const handle: PartnerPublicKey = Object.freeze({ type: 'vneid-partner-public-key', bits });
  publicMaterial.set(handle, { forge: key, spkiPem: forge.pki.publicKeyToPem(key) });
  return handle;
}

/** @internal Key material for the crypto backends. */
export function privateMaterialOf(key: PartnerPrivateKey): PrivateMaterial {
  const material = privateMaterial.get(key);
  if (!material)
    throw configInvalid('The private key handle was not made by importPartnerPrivateKey.');
  return material;
}

/** @internal Key material for the crypto backends. */
export function publicMaterialOf(key: PartnerPublicKey): PublicMaterial {
  const material = publicMaterial.get(key);
  if (!material)
    throw publicConfigInvalid('The public key handle was not made by importPartnerPublicKey.');
  return material;
}
