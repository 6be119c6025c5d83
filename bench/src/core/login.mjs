// A full headless login against oidc-provider 9 (PAR required, PKCE, private_key_jwt, acr
// values): @dinhdanh/core (`startLogin` + `finishLogin`, level 2, name + birthdate, so it
// verifies the ID token signature and calls userinfo) against plain openid-client 6 doing
// the same checks (PAR, PKCE S256, state, nonce, private_key_jwt, acr_values, ID token
// signature through enableNonRepudiationChecks, acr checked, userinfo with the same sub).
import { createRelyingParty } from '@dinhdanh/core';
import { exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { fileURLToPath } from 'node:url';
import { median, throughput } from '../measure.mjs';
import { startProcess, stopProcess } from '../processes.mjs';
import { followToCallback } from '../rp.mjs';

const REDIRECT_URI = 'http://127.0.0.1:3000/callback';
const CLIENT_ID = 'bench-engine';
const ACR_2 = 'urn:dinhdanh:loa:2';
const SERVER = fileURLToPath(new URL('../servers/oidc-provider-engine.mjs', import.meta.url));

export function coreLogin(issuer, privateJwk, create = createRelyingParty) {
  const rp = create({
    issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    clientAuth: { method: 'private_key_jwt', privateKey: privateJwk },
  });
  return async () => {
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name', 'birthdate'],
      extraParams: { login_hint: 'citizen-1' },
    });
    const callback = await followToCallback(url, REDIRECT_URI);
    const result = await rp.finishLogin(callback, transaction);
    if (result.source !== 'userinfo' || result.identity.level !== 2) {
      throw new Error('core login did not reach level 2 through userinfo');
    }
    return result.identity.subject;
  };
}

export async function openidClientLogin(issuer, privateKey, kid) {
  const config = await oidc.discovery(
    new URL(issuer),
    CLIENT_ID,
    { token_endpoint_auth_method: 'private_key_jwt' },
    oidc.PrivateKeyJwt({ key: privateKey, kid }),
    { execute: [oidc.allowInsecureRequests] },
  );
  oidc.enableNonRepudiationChecks(config);
  return async () => {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT_URI,
      scope: 'openid profile',
      state,
      nonce,
      acr_values: ACR_2,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      login_hint: 'citizen-1',
    });
    const callback = await followToCallback(url.href, REDIRECT_URI);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (claims?.acr !== ACR_2) throw new Error('openid-client login did not reach level 2');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    if (typeof info.name !== 'string') throw new Error('userinfo without name');
    return claims.sub;
  };
}

/**
 * Starts one oidc-provider process, measures both relying parties against it with the same
 * warm-up and interleaved rounds at `concurrency` 1 and 8; returns rows with median rates.
 */
export async function benchLogin({ warmup, logins1, logins8, rounds, only }) {
  const kid = 'rp-key-1';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const client = { clientId: CLIENT_ID, redirectUri: REDIRECT_URI, publicJwk };
  const started = await startProcess([SERVER], {
    ready: /READY (\S+)/,
    env: { BENCH_CLIENT: JSON.stringify(client) },
  });
  try {
    const issuer = started.match[1];
    const targets = [
      { name: '@dinhdanh/core', run: coreLogin(issuer, privateJwk) },
      { name: 'openid-client 6', run: await openidClientLogin(issuer, privateKey, kid) },
    ].filter((t) => only === undefined || t.name === only);
    for (const t of targets) await throughput(warmup, 1, t.run);
    for (const t of targets) Object.assign(t, { rounds1: [], rounds8: [], cpu: [] });
    for (let r = 0; r < rounds; r += 1) {
      // Alternate which relying party goes first, so neither always runs right after the
      // other's burst (the provider's garbage, a warm or cold socket pool).
      const order = r % 2 === 0 ? targets : [...targets].reverse();
      for (const t of order) {
        // CPU of this (relying party) process only: the provider runs elsewhere.
        const cpu = process.cpuUsage();
        t.rounds1.push(await throughput(logins1, 1, t.run));
        const used = process.cpuUsage(cpu);
        t.cpu.push((used.user + used.system) / 1000 / logins1);
      }
      for (const t of order) t.rounds8.push(await throughput(logins8, 8, t.run));
    }
    return targets.map((t) => ({
      name: t.name,
      at1: median(t.rounds1),
      at8: median(t.rounds8),
      cpuMs: median(t.cpu),
    }));
  } finally {
    await stopProcess(started.child);
  }
}
