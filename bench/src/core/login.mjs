/* global performance */
// A full headless login against oidc-provider 9 (PAR required, PKCE, private_key_jwt, acr
// values): @dinhdanh/core (`startLogin` + `finishLogin`, level 2, name + birthdate, so it
// verifies the ID token signature and calls userinfo) against plain openid-client 6 doing
// the same checks (PAR, PKCE S256, state, nonce, private_key_jwt, acr_values, ID token
// signature through enableNonRepudiationChecks, acr checked, userinfo with the same sub).
import { createRelyingParty } from '@dinhdanh/core';
import { exportJWK, generateKeyPair } from 'jose';
import * as oidc from 'openid-client';
import { fileURLToPath } from 'node:url';
import { median } from '../measure.mjs';
import { startProcess, stopProcess } from '../processes.mjs';
import { followToCallback } from '../rp.mjs';

const REDIRECT_URI = 'http://127.0.0.1:3000/callback';
const CLIENT_ID = 'bench-engine';
const ACR_2 = 'urn:dinhdanh:loa:2';
const SERVER = fileURLToPath(new URL('../servers/oidc-provider-engine.mjs', import.meta.url));

/**
 * How a login reaches its provider: `fetch` for the relying party's own requests (default:
 * the network) and `toCallback` for the browser's part (default: follow the redirects).
 */
const network = { toCallback: (url) => followToCallback(url, REDIRECT_URI) };

export function coreLogin(issuer, privateJwk, create = createRelyingParty, via = network) {
  const rp = create({
    issuer,
    clientId: CLIENT_ID,
    redirectUri: REDIRECT_URI,
    clientAuth: { method: 'private_key_jwt', privateKey: privateJwk },
    ...(via.fetch === undefined ? {} : { fetch: via.fetch }),
  });
  return async () => {
    const { url, transaction } = await rp.startLogin({
      level: 2,
      claims: ['name', 'birthdate'],
      extraParams: { login_hint: 'citizen-1' },
    });
    const result = await rp.finishLogin(await via.toCallback(url), transaction);
    if (result.source !== 'userinfo' || result.identity.level !== 2) {
      throw new Error('core login did not reach level 2 through userinfo');
    }
    return result.identity.subject;
  };
}

export async function openidClientLogin(issuer, privateKey, kid, via = network) {
  const config = await oidc.discovery(
    new URL(issuer),
    CLIENT_ID,
    { token_endpoint_auth_method: 'private_key_jwt' },
    oidc.PrivateKeyJwt({ key: privateKey, kid }),
    {
      execute: [oidc.allowInsecureRequests],
      ...(via.fetch === undefined ? {} : { [oidc.customFetch]: via.fetch }),
    },
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
    const tokens = await oidc.authorizationCodeGrant(config, await via.toCallback(url.href), {
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
 * Runs `total` logins on `concurrency` workers. Each worker takes the targets in turn (worker
 * `w` starting at target `w`, the order reversed every other round), so at every moment the
 * targets share the same load: drift of a shared machine (other tenants, CPU frequency)
 * hits them alike instead of landing on whichever target ran in a bad second. Returns each
 * target's mean latency (ms) and, at 1 in flight, its mean CPU ms per login in this process
 * (the relying party and its headless browser; the provider runs in another process).
 */
async function interleaved(targets, total, concurrency, reverse) {
  const order = reverse ? [...targets].reverse() : targets;
  const sums = new Map(targets.map((t) => [t, { ms: 0, cpu: 0, n: 0 }]));
  let started = 0;
  const worker = async (w) => {
    for (let i = w; started < total; i += 1) {
      started += 1;
      const target = order[i % order.length];
      const cpu = process.cpuUsage();
      const begin = performance.now();
      await target.run();
      const sum = sums.get(target);
      sum.ms += performance.now() - begin;
      const used = process.cpuUsage(cpu);
      sum.cpu += (used.user + used.system) / 1000;
      sum.n += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return targets.map((t) => {
    const { ms, cpu, n } = sums.get(t);
    return { latency: ms / n, cpu: cpu / n };
  });
}

/**
 * Starts the bench's oidc-provider with one `private_key_jwt` (ES256) client; returns the
 * issuer, the client's keys, and `stop`.
 */
export async function startEngine() {
  const kid = 'rp-key-1';
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const client = { clientId: CLIENT_ID, redirectUri: REDIRECT_URI, publicJwk };
  const started = await startProcess([SERVER], {
    ready: /READY (\S+)/,
    env: { BENCH_CLIENT: JSON.stringify(client) },
  });
  return {
    issuer: started.match[1],
    kid,
    privateKey,
    privateJwk,
    stop: () => stopProcess(started.child),
  };
}

/**
 * Starts one oidc-provider process and measures the relying parties against it: core,
 * openid-client, and a second core instance as an A/A control (its ratio to core shows how
 * far from 1.00x this machine's noise alone moves a ratio). Logins are interleaved one by
 * one (see `interleaved`) at 1 and at 8 in flight; logins/s = in-flight / mean latency,
 * median over rounds.
 */
export async function benchLogin({ warmup, logins1, logins8, rounds }) {
  const { issuer, kid, privateKey, privateJwk, stop } = await startEngine();
  try {
    const targets = [
      { name: '@dinhdanh/core', run: coreLogin(issuer, privateJwk) },
      { name: 'openid-client 6', run: await openidClientLogin(issuer, privateKey, kid) },
      { name: '@dinhdanh/core again (A/A control)', run: coreLogin(issuer, privateJwk) },
    ];
    await interleaved(targets, warmup * targets.length, 1, false);
    const perRound = targets.map(() => ({ at1: [], at8: [], cpu: [] }));
    for (let r = 0; r < rounds; r += 1) {
      const one = await interleaved(targets, logins1 * targets.length, 1, r % 2 === 1);
      const eight = await interleaved(targets, logins8 * targets.length, 8, r % 2 === 1);
      targets.forEach((_, k) => {
        perRound[k].at1.push(1000 / one[k].latency);
        perRound[k].cpu.push(one[k].cpu);
        perRound[k].at8.push((8 * 1000) / eight[k].latency);
      });
    }
    return targets.map((t, k) => ({
      name: t.name,
      at1: median(perRound[k].at1),
      at8: median(perRound[k].at8),
      cpuMs: median(perRound[k].cpu),
    }));
  } finally {
    await stop();
  }
}
