/** Encrypted ID tokens (JWE) when the client registered an encryption key. */
import * as client from 'openid-client';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { clientKeys, discover, exchange, headlessLogin, setup } from './helpers';

describe('encrypted ID tokens', () => {
  for (const alg of ['ECDH-ES+A256KW', 'RSA-OAEP-256'] as const) {
    it(`encrypts with ${alg} and openid-client decrypts`, async () => {
      const enc = await generateKeyPair(alg, { extractable: true });
      const encJwk = { ...(await exportJWK(enc.publicKey)), kid: 'enc-1', use: 'enc', alg };
      const sig = await clientKeys();
      // both keys registered: signing for private_key_jwt, encryption for the ID token
      const { idp } = await setup({
        jwks: { keys: [sig.publicJwk, encJwk] },
        idTokenEncryptedResponseAlg: alg,
      });
      const privateKey = sig.privateKey;
      const config = await discover(idp, 'rp', client.PrivateKeyJwt(privateKey));
      client.enableDecryptingResponses(config, ['A256GCM'], { key: enc.privateKey, kid: 'enc-1' });
      const flow = await headlessLogin(idp, config);
      const tokens = await exchange(config, flow);
      expect(tokens.id_token!.split('.')).toHaveLength(5);
      expect(tokens.claims()).toMatchObject({ aud: 'rp', acr: 'urn:dinhdanh:loa:2' });
      // the encrypted ID token still works as id_token_hint for logout
      const logout = await idp.fetch(
        new Request(
          client.buildEndSessionUrl(config, {
            id_token_hint: tokens.id_token!,
            post_logout_redirect_uri: 'http://127.0.0.1:3000/',
          }),
        ),
      );
      expect(logout.status).toBe(302);
    });
  }
});
