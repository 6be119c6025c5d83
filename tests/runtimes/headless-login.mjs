/**
 * The login itself, shared by login.mjs (Node, Bun, Deno) and worker.mjs (workerd):
 * createRelyingParty from the built core, startLogin with login_hint, follow the mock's
 * redirect with fetch(redirect: 'manual'), finishLogin.
 */
import { createRelyingParty } from '../../packages/core/dist/index.js';

/** The mock's documented development client (packages/mock-idp DEV_CLIENT). */
export const DEV_CLIENT = {
  clientId: 'dinhdanh-dev',
  clientSecret: 'dinhdanh-dev-secret-change-me-0123456789',
  redirectUri: 'http://127.0.0.1:3000/auth/callback',
};

/** Which runtime and version runs this code. */
export function runtimeName() {
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  if (globalThis.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (globalThis.process?.versions?.node) return `node ${globalThis.process.versions.node}`;
  return 'unknown';
}

/** Logs `persona` in at `issuer`; returns { ok, subject, level, runtime }. */
export async function headlessLogin({ issuer, persona = 'citizen-l2' }) {
  const rp = createRelyingParty({
    issuer,
    clientId: DEV_CLIENT.clientId,
    redirectUri: DEV_CLIENT.redirectUri,
    clientAuth: { method: 'client_secret_basic', clientSecret: DEV_CLIENT.clientSecret },
  });
  const { url, transaction } = await rp.startLogin({
    claims: ['name'],
    extraParams: { login_hint: persona },
  });
  const response = await globalThis.fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (location === null) throw new Error(`the provider did not redirect (HTTP ${response.status})`);
  await response.body?.cancel();
  const result = await rp.finishLogin(new URL(location, url).toString(), transaction);
  return {
    ok: true,
    subject: result.identity.subject,
    level: result.identity.level,
    runtime: runtimeName(),
  };
}
