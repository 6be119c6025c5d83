import { generateKeyPairSync } from 'node:crypto';

/** A synthetic RSA key pair in every format the partner module accepts. Generated per run. */
export function rsaPair(modulusLength = 2048) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength });
  return {
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    privateJwk: privateKey.export({ format: 'jwk' }) as { kty: string; n: string; p: string },
    spki: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    pkcs1Public: publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    publicJwk: publicKey.export({ format: 'jwk' }) as { kty: string },
  };
}

/** Synthetic userinfo (not a real person; the ID number is structurally valid, random part). */
export const USERINFO = {
  citizenPid: '001099012345',
  fullName: 'Nguyễn Thị Thử Nghiệm',
  birthDate: '19990101',
  accountType: 'citizen',
  accountLevel: 2,
};
