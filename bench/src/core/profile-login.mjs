// Profiling aid, not part of the bench: runs N logins of one relying party (core or
// openid-client) against the bench's oidc-provider and prints CPU ms per login of this
// process, interleaved. `node src/core/profile-login.mjs [core|oidc|both] [n] [warm-up] [rounds]`;
// add --cpu-prof to profile.
import { measureRounds, pairedCpu } from './cpu-rounds.mjs';
import { coreLogin, openidClientLogin, startEngine } from './login.mjs';

const [which = 'both', n = '50', warm = '100', rounds = '20'] = process.argv.slice(2);
const { issuer, kid, privateKey, privateJwk, stop } = await startEngine();
try {
  const runs = [];
  if (which !== 'oidc') runs.push(['core', coreLogin(issuer, privateJwk)]);
  // CORE_VARIANTS="base=/path/to/dist/index.js,..." adds other builds of core.
  for (const entry of (process.env.CORE_VARIANTS ?? '').split(',').filter(Boolean)) {
    const [name, path] = entry.split('=');
    const { createRelyingParty } = await import(path);
    runs.push([name, coreLogin(issuer, privateJwk, createRelyingParty)]);
  }
  if (which !== 'core')
    runs.push(['openid-client', await openidClientLogin(issuer, privateKey, kid)]);
  for (const [, run] of runs) for (let i = 0; i < Number(warm); i += 1) await run();
  console.log(pairedCpu(await measureRounds(runs, Number(n), Number(rounds))));
} finally {
  await stop();
}
