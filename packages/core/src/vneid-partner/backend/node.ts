// Type-only: erased from the build. The module itself is loaded with a guarded dynamic
// import in ./detect, only on runtimes that have it.
// eslint-disable-next-line no-restricted-imports -- types of node:crypto, no runtime import
import type * as NodeCryptoModule from 'node:crypto';
import { privateMaterialOf, publicMaterialOf } from '../keys';
import type { PartnerPrivateKey, PartnerPublicKey } from '../keys';
import type { AesImpl, RsaImpl } from './types';

/** The parts of `node:crypto` dinhdanh uses (Node, Bun and Deno all provide the module). */
export type NodeCrypto = Pick<
  typeof NodeCryptoModule,
  | 'createPrivateKey'
  | 'createPublicKey'
  | 'privateDecrypt'
  | 'publicEncrypt'
  | 'createCipheriv'
  | 'createDecipheriv'
  | 'generateKeyPair'
  | 'constants'
>;

type KeyObject = ReturnType<NodeCrypto['createPrivateKey']>;

/** RSAES-PKCS1-v1_5 through the platform (OpenSSL with implicit rejection on Node 22 and 24). */
export function nodeRsa(crypto: NodeCrypto): RsaImpl {
  const privateKeys = new WeakMap<PartnerPrivateKey, KeyObject>();
  const publicKeys = new WeakMap<PartnerPublicKey, KeyObject>();
  return {
    decrypt(key, ciphertext) {
      let keyObject = privateKeys.get(key);
      if (!keyObject) {
        keyObject = crypto.createPrivateKey(privateMaterialOf(key).pkcs8Pem);
        privateKeys.set(key, keyObject);
      }
      const padding = crypto.constants.RSA_PKCS1_PADDING;
      return new Uint8Array(crypto.privateDecrypt({ key: keyObject, padding }, ciphertext));
    },
    encrypt(key, plaintext) {
      let keyObject = publicKeys.get(key);
      if (!keyObject) {
        keyObject = crypto.createPublicKey(publicMaterialOf(key).spkiPem);
        publicKeys.set(key, keyObject);
      }
      const padding = crypto.constants.RSA_PKCS1_PADDING;
      return new Uint8Array(crypto.publicEncrypt({ key: keyObject, padding }, plaintext));
    },
  };
}

function cipherName(mode: 'ecb' | 'cbc', key: Uint8Array): string {
  return `aes-${String(key.length * 8)}-${mode}`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** AES-ECB / AES-CBC through the platform. */
export function nodeAes(crypto: NodeCrypto): AesImpl {
  return {
    decryptUnpadded(mode, key, iv, data) {
      const decipher = crypto.createDecipheriv(cipherName(mode, key), key, iv ?? null);
      decipher.setAutoPadding(false);
      return concat(decipher.update(data), decipher.final());
    },
    encryptPadded(mode, key, iv, plain) {
      const cipher = crypto.createCipheriv(cipherName(mode, key), key, iv ?? null);
      return concat(cipher.update(plain), cipher.final());
    },
  };
}
