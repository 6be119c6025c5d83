/* global Response, Buffer, setTimeout, Request, URLSearchParams */
// Profiling aid, not part of the bench: the relying party's own CPU per login, without a
// network or a provider process. Both relying parties of login.mjs run against one
// in-process fake provider (a `fetch` answering discovery, JWKS, PAR, token with an ES256
// ID token, userinfo), so the difference is what each library does, not sockets.
// `node src/core/rp-cpu.mjs [n] [rounds]`; add --cpu-prof to profile.
import { createRelyingParty } from '@dinhdanh/core';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { measureRounds, pairedCpu } from './cpu-rounds.mjs';
import { coreLogin, openidClientLogin } from './login.mjs';

const ISSUER = 'http://127.0.0.1:1';
const CLIENT_ID = 'bench-engine';
const REDIRECT_URI = 'http://127.0.0.1:3000/callback';
const ACR_2 = 'urn:dinhdanh:loa:2';
const [n = 2000, rounds = 5] = process.argv.slice(2).map(Number);

const op = await generateKeyPair('ES256', { extractable: true });
const opJwk = { ...(await exportJWK(op.publicKey)), kid: 'op-key-1', alg: 'ES256', use: 'sig' };
const rpKeys = await generateKeyPair('ES256', { extractable: true });
const rpJwk = { ...(await exportJWK(rpKeys.privateKey)), kid: 'rp-key-1', alg: 'ES256' };

const metadata = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/auth`,
  pushed_authorization_request_endpoint: `${ISSUER}/par`,
  require_pushed_authorization_requests: true,
  token_endpoint: `${ISSUER}/token`,
  userinfo_endpoint: `${ISSUER}/me`,
  jwks_uri: `${ISSUER}/jwks`,
  id_token_signing_alg_values_supported: ['ES256'],
  token_endpoint_auth_methods_supported: ['private_key_jwt'],
  token_endpoint_auth_signing_alg_values_supported: ['ES256'],
  acr_values_supported: ['urn:dinhdanh:loa:1', ACR_2],
  code_challenge_methods_supported: ['S256'],
  response_types_supported: ['code'],
};
const pending = new Map(); // request_uri -> { state, nonce }
const codes = new Map(); // code -> nonce
let counter = 0;

function json(body, status = 200) {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
    },
  });
  // Like a response from the network (what undici's fetch gives).
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
}

const DELAY = Number(process.env.FAKE_DELAY_MS ?? 0);
async function fakeFetch(input, init = {}) {
  if (DELAY > 0) await new Promise((resolve) => setTimeout(resolve, DELAY));
  const url = new URL(input instanceof Request ? input.url : String(input));
  switch (url.pathname) {
    case '/.well-known/openid-configuration':
      return json(metadata);
    case '/jwks':
      return json({ keys: [opJwk] });
    case '/par': {
      const body = new URLSearchParams(String(init.body));
      const uri = `urn:par:${(counter += 1)}`;
      pending.set(uri, { state: body.get('state'), nonce: body.get('nonce') });
      return json({ request_uri: uri, expires_in: 60 }, 201);
    }
    case '/token': {
      const body = new URLSearchParams(String(init.body));
      const nonce = codes.get(body.get('code'));
      codes.delete(body.get('code'));
      const now = Math.floor(Date.now() / 1000);
      const idToken = await new SignJWT({ nonce, acr: ACR_2, auth_time: now, sid: 's1' })
        .setProtectedHeader({ alg: 'ES256', kid: 'op-key-1' })
        .setIssuer(ISSUER)
        .setAudience(CLIENT_ID)
        .setSubject('citizen-1')
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(op.privateKey);
      return json({
        access_token: `at-${counter}`,
        token_type: 'Bearer',
        expires_in: 3600,
        id_token: idToken,
        scope: 'openid profile',
      });
    }
    case '/me':
      return json({
        sub: 'citizen-1',
        name: 'Nguyễn Văn An',
        birthdate: '1985-04-12',
        gender: 'male',
      });
    default:
      return json({ error: 'not_found' }, 404);
  }
}

/** The provider's browser part: request_uri -> callback with a fresh code. */
function callbackFor(authUrl) {
  const uri = new URL(authUrl).searchParams.get('request_uri');
  const { state, nonce } = pending.get(uri);
  pending.delete(uri);
  const code = `code-${(counter += 1)}`;
  codes.set(code, nonce);
  return new URL(`${REDIRECT_URI}?code=${code}&state=${state}&iss=${encodeURIComponent(ISSUER)}`);
}

const inProcess = { fetch: fakeFetch, toCallback: callbackFor };
// CORE_VARIANTS="base=/path/to/dist/index.js,..." adds other builds of core, to compare
// a change against the build before it in one process.
const variants = [];
for (const entry of (process.env.CORE_VARIANTS ?? '').split(',').filter(Boolean)) {
  const [name, path] = entry.split('=');
  variants.push([
    name,
    coreLogin(ISSUER, rpJwk, (await import(path)).createRelyingParty, inProcess),
  ]);
}

const openidClient = await openidClientLogin(ISSUER, rpKeys.privateKey, 'rp-key-1', inProcess);

const only = process.env.RP_ONLY;
const targets = [
  ['core', coreLogin(ISSUER, rpJwk, createRelyingParty, inProcess)],
  ...variants,
  ['openid-client', openidClient],
].filter(([name]) => only === undefined || name === only);
for (const [, run] of targets) for (let i = 0; i < 300; i += 1) await run();
console.log(pairedCpu(await measureRounds(targets, n, rounds)));
