/**
 * A headless login with the BUILT @dinhdanh/core against a running mock identity provider,
 * on whatever runtime runs this file (Node, Bun, Deno; workerd through worker.mjs).
 *
 *   node tests/runtimes/login.mjs <issuer> [persona]
 *
 * The mock's development client (client_secret_basic) must be registered; the mock must
 * run with autoApprove. Prints one JSON line: { ok, subject, level, runtime } (ok false
 * with `error` on failure, exit code 1).
 */
import { headlessLogin, runtimeName } from './headless-login.mjs';

const args = globalThis.Deno?.args ?? globalThis.process?.argv.slice(2) ?? [];
const [issuer, persona = 'citizen-l2'] = args;
const exit = (code) =>
  globalThis.Deno ? globalThis.Deno.exit(code) : globalThis.process.exit(code);

if (issuer === undefined) {
  console.log(JSON.stringify({ ok: false, error: 'usage: login.mjs <issuer> [persona]' }));
  exit(2);
}

try {
  const result = await headlessLogin({ issuer, persona });
  console.log(JSON.stringify(result));
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
