/**
 * A Cloudflare Worker (module syntax) for workerd: GET / runs the same headless login as
 * login.mjs against the issuer in the ISSUER text binding and answers its JSON line.
 * workerd cannot resolve bare specifiers, so workerd.ts bundles this file with esbuild.
 */
import { headlessLogin, runtimeName } from './headless-login.mjs';

export default {
  async fetch(request, env) {
    const persona = new URL(request.url).searchParams.get('persona') ?? 'citizen-l2';
    try {
      return globalThis.Response.json(await headlessLogin({ issuer: env.ISSUER, persona }));
    } catch (error) {
      return globalThis.Response.json({
        ok: false,
        runtime: runtimeName(),
        error: `${error?.code ?? error?.name ?? 'Error'}: ${error?.message ?? String(error)}`,
      });
    }
  },
};
