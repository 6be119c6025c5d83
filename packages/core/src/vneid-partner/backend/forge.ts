import forge from 'node-forge';
import { privateMaterialOf, publicMaterialOf } from '../keys';
import { implicitRejectionDecrypt } from './pkcs1';
import type { AesImpl, AesMode, RsaImpl } from './types';

const raw = forge.util.binary.raw;

// The raw RSA private operation (no padding removed: `ml === false`); absent from the typings.
const rawDecrypt = (
  forge.pki.rsa as unknown as {
    decrypt(
      this: void,
      ed: string,
      key: forge.pki.rsa.PrivateKey,
      pub: boolean,
      ml: boolean,
    ): string;
  }
).decrypt;

/**
 * Pure-JS RSAES-PKCS1-v1_5 (node-forge) for runtimes without `node:crypto`: forge's raw RSA
 * with dinhdanh's implicit rejection. forge's big-number arithmetic is not constant-time:
 * see the runtime table in the docs.
 */
export const forgeRsa: RsaImpl = {
  decrypt: implicitRejectionDecrypt(
    (key, ciphertext) =>
      raw.decode(rawDecrypt(raw.encode(ciphertext), privateMaterialOf(key).forge, false, false)),
    (key, parts) => {
      const hmac = forge.hmac.create();
      hmac.start('sha256', raw.encode(key));
      for (const part of parts) hmac.update(raw.encode(part));
      return raw.decode(hmac.digest().getBytes());
    },
    (data) => {
      const md = forge.md.sha256.create();
      md.update(raw.encode(data));
      return raw.decode(md.digest().getBytes());
    },
  ),
  encrypt(key, plaintext) {
    return raw.decode(
      publicMaterialOf(key).forge.encrypt(raw.encode(plaintext), 'RSAES-PKCS1-V1_5'),
    );
  },
};

function algorithm(mode: AesMode): 'AES-ECB' | 'AES-CBC' {
  return mode === 'ecb' ? 'AES-ECB' : 'AES-CBC';
}

/** Pure-JS AES-ECB / AES-CBC (node-forge). */
export const forgeAes: AesImpl = {
  decryptUnpadded(mode, key, iv, data) {
    const decipher = forge.cipher.createDecipher(algorithm(mode), raw.encode(key));
    decipher.start(iv === undefined ? {} : { iv: raw.encode(iv) });
    decipher.update(forge.util.createBuffer(raw.encode(data)));
    // Padding is left in place (forge's finish(pad) hook, absent from its typings) and
    // checked by the caller, so that both backends judge padding identically.
    const finish = decipher.finish.bind(decipher) as (pad: () => boolean) => boolean;
    if (!finish(() => true)) throw new Error('aes');
    return raw.decode(decipher.output.getBytes());
  },
  encryptPadded(mode, key, iv, plain) {
    const cipher = forge.cipher.createCipher(algorithm(mode), raw.encode(key));
    cipher.start(iv === undefined ? {} : { iv: raw.encode(iv) });
    cipher.update(forge.util.createBuffer(raw.encode(plain)));
    if (!cipher.finish()) throw new Error('aes');
    return raw.decode(cipher.output.getBytes());
  },
};
