/* global performance, Response */
// verifyIdToken ops/s: @dinhdanh/core (built dist) against jose's jwtVerify with the same
// ES256 key and the same checks (iss, aud, exp, plus sub and iat required, as core does).
// Core fetches discovery + JWKS through its injectable fetch: it gets an in-memory one, and
// its caches are warmed before timing, so this measures verification, not the network.
import { createRelyingParty } from '@dinhdanh/core';
import { createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { median } from '../measure.mjs';

const ISSUER = 'https://op.bench.example';
const CLIENT_ID = 'bench-rp';

/**
 * Runs `n` sequential awaited calls of `fn`; returns calls per wall-clock second and per
 * CPU second of this process (user + system, all threads: WebCrypto runs on the thread
 * pool). CPU time is far less disturbed by other processes on a loaded machine.
 */
async function opsPerSecond(n, fn) {
  const cpu = process.cpuUsage();
  const begin = performance.now();
  for (let i = 0; i < n; i += 1) await fn();
  const wall = (performance.now() - begin) / 1000;
  const used = process.cpuUsage(cpu);
  return { wall: n / wall, cpu: n / ((used.user + used.system) / 1e6) };
}

async function setup() {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: 'op-es256', alg: 'ES256', use: 'sig' };
  const jwks = { keys: [publicJwk] };
  const metadata = {
    issuer: ISSUER,
    authorization_endpoint: `${ISSUER}/authorize`,
    token_endpoint: `${ISSUER}/token`,
    jwks_uri: `${ISSUER}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
  };
  const bodies = new Map([
    [`${ISSUER}/.well-known/openid-configuration`, metadata],
    [`${ISSUER}/jwks`, jwks],
  ]);
  const fetches = { count: 0 };
  const memoryFetch = async (input) => {
    fetches.count += 1;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = bodies.get(url);
    if (body === undefined) return new Response('not found', { status: 404 });
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ nonce: 'n-0S6_WzA2Mj', acr: 'urn:dinhdanh:loa:2' })
    .setProtectedHeader({ alg: 'ES256', kid: 'op-es256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(CLIENT_ID)
    .setSubject('citizen-l2')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  const options = {
    issuer: ISSUER,
    clientId: CLIENT_ID,
    redirectUri: 'https://rp.bench.example/callback',
    clientAuth: {
      method: 'client_secret_basic',
      clientSecret: 'bench-only-secret-0123456789abcdef',
    },
    fetch: memoryFetch,
  };
  const rp = createRelyingParty(options);
  const control = createRelyingParty(options);
  const checks = {
    issuer: ISSUER,
    audience: CLIENT_ID,
    algorithms: ['ES256'],
    requiredClaims: ['sub', 'iat', 'exp'],
  };
  const localSet = createLocalJWKSet(jwks);
  return {
    fetches,
    targets: [
      { name: '@dinhdanh/core `verifyIdToken`', run: () => rp.verifyIdToken(token) },
      { name: 'jose `jwtVerify` (public key)', run: () => jwtVerify(token, publicKey, checks) },
      {
        name: 'jose `jwtVerify` (`createLocalJWKSet`, kid lookup)',
        run: () => jwtVerify(token, localSet, checks),
      },
      { name: '@dinhdanh/core again (A/A control)', run: () => control.verifyIdToken(token) },
    ],
  };
}

/**
 * Measures the verifiers (core, jose with the key, jose with a local JWKS, and a second
 * core instance as an A/A control) with the same warm-up, then `rounds` interleaved rounds of
 * `perRound` verifications each; returns rows with the median ops/s.
 */
export async function benchVerify({ warmup, perRound, rounds }) {
  const { targets, fetches } = await setup();
  for (const t of targets) {
    const out = await t.run();
    if (out?.claims?.sub !== 'citizen-l2' && out?.payload?.sub !== 'citizen-l2') {
      throw new Error(`${t.name} did not verify the token`);
    }
  }
  for (const t of targets) await opsPerSecond(warmup, t.run);
  const fetchesAfterWarmup = fetches.count;
  for (const t of targets) Object.assign(t, { rounds: [], cpuRounds: [] });
  for (let r = 0; r < rounds; r += 1) {
    // Every other round in reverse, so no verifier always follows the same one's garbage.
    for (const t of r % 2 === 0 ? targets : [...targets].reverse()) {
      const { wall, cpu } = await opsPerSecond(perRound, t.run);
      t.rounds.push(wall);
      t.cpuRounds.push(cpu);
    }
  }
  if (fetches.count !== fetchesAfterWarmup) {
    throw new Error('core fetched during the timed rounds: the caches were not warm');
  }
  return targets.map((t) => ({
    name: t.name,
    rate: median(t.rounds),
    cpuRate: median(t.cpuRounds),
    min: Math.min(...t.rounds),
    max: Math.max(...t.rounds),
  }));
}
