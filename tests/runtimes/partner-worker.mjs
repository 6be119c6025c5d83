/**
 * A Cloudflare Worker for workerd: GET / runs the partner login of partner-login.mjs with
 * the JSON configuration in the CONFIG text binding and answers its JSON line.
 * runtimes.test.ts bundles it with esbuild.
 */
import { partnerLogin } from './partner-login.mjs';
import { runtimeName } from './headless-login.mjs';

export default {
  async fetch(_request, env) {
    try {
      return globalThis.Response.json(await partnerLogin(JSON.parse(env.CONFIG)));
    } catch (error) {
      return globalThis.Response.json({
        ok: false,
        runtime: runtimeName(),
        error: `${error?.code ?? error?.name ?? 'Error'}: ${error?.message ?? String(error)}`,
      });
    }
  },
};
