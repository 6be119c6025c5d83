/**
 * A headless VNeID partner login (DOMAIN.md dialect 5) with the BUILT @dinhdanh/core and
 * its `vneid-partner` subpath against a running mock identity provider, on whatever runtime
 * runs this file (Node, Bun, Deno; workerd through partner-worker.mjs, which imports
 * `partnerLogin` from here).
 *
 *   node tests/runtimes/partner-login.mjs <config.json>
 *
 * config.json: { issuer, clientId, clientSecret, redirectUri, privateKeyPem, aesMode,
 * codeAesMode?, envelope?: { token, userinfo }, persona?, variants?: string[][] }. The mock client must speak the vneid-partner
 * dialect with the matching public key; the mock must run with autoApprove. Prints one JSON
 * line: { ok, subject, level, source, plusInCode, encryptedCode, backend: { rsa, aes,
 * implicitRejection, rsaPadding }, runtime } (ok false with `error` on failure, exit code 1).
 */
import { createRelyingParty } from '../../packages/core/dist/index.js';
import { partnerCryptoBackend, vneidPartner } from '../../packages/core/dist/vneid-partner.js';
import { runtimeName } from './headless-login.mjs';

const args = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
const exit = (code) =>
  globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code);

/** The raw value of a query parameter (no form decoding: `+` stays `+`). */
function rawParam(url, name) {
  const query = url.slice(url.indexOf('?') + 1);
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (part.slice(0, eq) === name) return part.slice(eq + 1);
  }
  return undefined;
}

async function readConfig(path) {
  if (globalThis.Deno) return JSON.parse(await globalThis.Deno.readTextFile(path));
  if (globalThis.Bun) return globalThis.Bun.file(path).json();
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(path, 'utf8'));
}

/** One login of the persona: the result and the raw callback URL. */
async function loginOnce(rp, config) {
  const { url, transaction } = await rp.startLogin({
    level: 2,
    claims: ['name', 'birthdate'],
    extraParams: { login_hint: config.persona ?? 'citizen-l2' },
  });
  const response = await globalThis.fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (location === null) throw new Error(`the provider did not redirect (HTTP ${response.status})`);
  await response.body?.cancel();
  const callback = new URL(location, url).toString();
  return { result: await rp.finishLogin(callback, transaction), callback };
}

/** Arms mock faults over its admin API (`admin: true`) for the next login. */
async function arm(issuer, faults) {
  const response = await globalThis.fetch(`${issuer}/__mock/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults: faults.map((name) => ({ name })) }),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`arming ${faults.join('+')} failed (HTTP ${response.status})`);
}

/**
 * Logs the persona in with the partner profile; then once per `config.variants` entry (a list
 * of mock faults: plain or sealed answers per login, alternate value forms). Returns the line.
 */
export async function partnerLogin(config) {
  const rp = createRelyingParty({
    issuer: config.issuer,
    clientId: config.clientId,
    redirectUri: config.redirectUri,
    clientAuth: { method: 'client_secret_post', clientSecret: config.clientSecret },
    provider: vneidPartner({
      privateKey: config.privateKeyPem,
      aesMode: config.aesMode,
      ...(config.codeAesMode === undefined ? {} : { codeAesMode: config.codeAesMode }),
      ...(config.envelope === undefined ? {} : { envelope: config.envelope }),
    }),
  });
  const { result, callback } = await loginOnce(rp, config);
  const variants = [];
  for (const faults of config.variants ?? []) {
    await arm(config.issuer, faults);
    try {
      const { result: r } = await loginOnce(rp, config);
      variants.push(
        `${faults.join('+')}: level ${r.identity.level}, ${r.identity.attributes.birthdate}`,
      );
    } catch (error) {
      variants.push(`${faults.join('+')}: ${error?.code ?? error?.message ?? String(error)}`);
    }
  }
  const backend = await partnerCryptoBackend();
  return {
    ok: true,
    subject: result.identity.subject,
    level: result.identity.level,
    source: result.source,
    plusInCode: (rawParam(callback, 'code') ?? '').includes('+'),
    encryptedCode: rawParam(callback, 'encrypt_key') !== undefined,
    backend: {
      rsa: backend.rsa,
      aes: backend.aes,
      implicitRejection: backend.implicitRejection,
      rsaPadding: backend.rsaPadding,
    },
    variants,
    runtime: runtimeName(),
  };
}

/** Run as a script (not imported by the worker): Bun, Deno and Node 24 set import.meta.main. */
const argv1 = globalThis.process?.argv?.[1];
const isMain =
  import.meta.main ??
  (typeof argv1 === 'string' && import.meta.url.endsWith(argv1.replaceAll('\\', '/')));

if (isMain) {
  try {
    if (args[0] === undefined) throw new Error('usage: partner-login.mjs <config.json>');
    console.log(JSON.stringify(await partnerLogin(await readConfig(args[0]))));
    exit(0);
  } catch (error) {
    console.log(
      JSON.stringify({
        ok: false,
        runtime: runtimeName(),
        error: `${error?.code ?? error?.name ?? 'Error'}: ${error?.message ?? String(error)}`,
      }),
    );
    exit(1);
  }
}
