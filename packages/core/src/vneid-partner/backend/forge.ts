import forge from 'node-forge';
import { privateMaterialOf, publicMaterialOf } from '../keys';
import type { AesImpl, AesMode, RsaImpl } from './types';

const raw = forge.util.binary.raw;

/** Pure-JS RSAES-PKCS1-v1_5 (node-forge). Not constant-time: see the runtime table in the docs. */
export const forgeRsa: RsaImpl = {
  decrypt(key, ciphertext) {
    return raw.decode(
      privateMaterialOf(key).forge.decrypt(raw.encode(ciphertext), 'RSAES-PKCS1-V1_5'),
    );
  },
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
