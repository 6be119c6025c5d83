// Type-only: erased from the build. The module itself is loaded with a guarded dynamic
// import in ./detect, only on runtimes that have it.
// eslint-disable-next-line no-restricted-imports -- types of node:crypto, no runtime import
import type * as NodeCryptoModule from 'node:crypto';
import { privateMaterialOf, publicMaterialOf } from '../keys';
import type { PartnerPrivateKey, PartnerPublicKey } from '../keys';
import { implicitRejectionDecrypt } from './pkcs1';
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
  | 'createHmac'
  | 'createHash'
  | 'constants'
>;

type KeyObject = ReturnType<NodeCrypto['createPrivateKey']>;

function keyCache(crypto: NodeCrypto) {
  const privateKeys = new WeakMap<PartnerPrivateKey, KeyObject>();
  const publicKeys = new WeakMap<PartnerPublicKey, KeyObject>();
  return {
    privateKey(key: PartnerPrivateKey): KeyObject {
      let keyObject = privateKeys.get(key);
      if (!keyObject) {
        keyObject = crypto.createPrivateKey(privateMaterialOf(key).pkcs8Pem);
        privateKeys.set(key, keyObject);
      }
      return keyObject;
    },
    publicKey(key: PartnerPublicKey): KeyObject {
      let keyObject = publicKeys.get(key);
      if (!keyObject) {
        keyObject = crypto.createPublicKey(publicMaterialOf(key).spkiPem);
        publicKeys.set(key, keyObject);
      }
      return keyObject;
    },
  };
}

/**
 * RSAES-PKCS1-v1_5 through the platform: `implicit: 'platform'` lets OpenSSL remove the
 * padding (3.2+, implicit rejection built in: Node 22 and 24); `implicit: 'dinhdanh'` runs
 * the raw RSA operation (`RSA_NO_PADDING`, still permitted on Node 20, Bun, Deno) and
 * removes the padding with dinhdanh's implicit rejection (./implicit-rejection).
 */
export function nodeRsa(crypto: NodeCrypto, implicit: 'platform' | 'dinhdanh'): RsaImpl {
  const keys = keyCache(crypto);
  const { RSA_PKCS1_PADDING, RSA_NO_PADDING } = crypto.constants;
  const decrypt =
    implicit === 'platform'
      ? (key: PartnerPrivateKey, ciphertext: Uint8Array) =>
          new Uint8Array(
            crypto.privateDecrypt(
              { key: keys.privateKey(key), padding: RSA_PKCS1_PADDING },
              ciphertext,
            ),
          )
      : implicitRejectionDecrypt(
          (key, ciphertext) =>
            crypto.privateDecrypt(
              { key: keys.privateKey(key), padding: RSA_NO_PADDING },
              ciphertext,
            ),
          // A Buffer is a Uint8Array: the digests are used as they are, without a copy.
          (key, parts) => {
            const hmac = crypto.createHmac('sha256', key);
            for (const part of parts) hmac.update(part);
            return hmac.digest();
          },
          (data) => crypto.createHash('sha256').update(data).digest(),
        );
  return {
    decrypt,
    encrypt(key, plaintext) {
      return new Uint8Array(
        crypto.publicEncrypt({ key: keys.publicKey(key), padding: RSA_PKCS1_PADDING }, plaintext),
      );
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
