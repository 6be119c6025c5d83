// The core tables: verifyIdToken ops/s, a full login against oidc-provider 9, cold import
// time. Each table comes with the environment line at the time it was measured.
import { benchImport } from './import-time.mjs';
import { benchLogin } from './login.mjs';
import { benchVerify } from './verify.mjs';
import { environmentLine, fmt, ratio } from './env.mjs';

const num = (name, fallback) => Number(process.env[name] ?? fallback);

const NOISE =
  'Noise: the machine is shared (see the load average); rounds are interleaved so a burst of load hits every target, and each figure is the median of its rounds. Treat differences under ~10% as noise.';

async function verifyTable() {
  const warmup = num('BENCH_VERIFY_WARMUP', 2000);
  const perRound = num('BENCH_VERIFY_N', 1000);
  const rounds = num('BENCH_VERIFY_ROUNDS', 15);
  const rows = await benchVerify({ warmup, perRound, rounds });
  const [core, key, set, control] = rows;
  return [
    `### verifyIdToken (ES256; iss, aud, exp, sub and iat checked; caches warm, in-memory JWKS)`,
    '',
    environmentLine(),
    `Warm-up ${warmup} verifications each; ${rounds} interleaved rounds of ${perRound} (every other round in reverse order); median ops/s (min-max over rounds). "Per CPU second" divides by this process's CPU time instead of wall time, which other processes disturb far less.`,
    '',
    '| verifier | ops/s | min-max | ops per CPU second | core ratio (wall) | core ratio (CPU) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.rate)} | ${fmt(r.min)}-${fmt(r.max)} | ${fmt(r.cpuRate)} | ${ratio(core.rate, r.rate)} | ${ratio(core.cpuRate, r.cpuRate)} |`,
    ),
    '',
    `Target ≥ 0.90x of jose with the key: ${ratio(core.rate, key.rate)} wall, ${ratio(core.cpuRate, key.cpuRate)} CPU (${core.rate / key.rate >= 0.9 ? 'met' : 'MISSED'}); against jose with a local JWKS (what core does inside): ${ratio(core.rate, set.rate)}. Noise in this run (A/A control, a second core instance): ±${(Math.abs(1 - core.rate / control.rate) * 100).toFixed(1)}% wall, ±${(Math.abs(1 - core.cpuRate / control.cpuRate) * 100).toFixed(1)}% CPU.`,
  ];
}

async function loginTable() {
  const warmup = num('BENCH_LOGIN_WARMUP', 30);
  const logins1 = num('BENCH_LOGIN_1', 60);
  const logins8 = num('BENCH_LOGIN_8', 160);
  const rounds = num('BENCH_LOGIN_ROUNDS', 5);
  const rows = await benchLogin({ warmup, logins1, logins8, rounds });
  const [core, peer, control] = rows;
  const met = (r) => (r >= 0.95 ? 'met' : 'MISSED');
  const noise = Math.max(
    Math.abs(1 - core.at1 / control.at1),
    Math.abs(1 - core.at8 / control.at8),
  );
  return [
    '### Full login against oidc-provider 9 (PAR required, PKCE S256, private_key_jwt ES256, acr level 2, ID token signature verified, userinfo)',
    '',
    environmentLine(),
    `One oidc-provider process on 127.0.0.1 shared by all relying parties; warm-up ${warmup} logins each; ${rounds} rounds of ${logins1} logins each at 1 in flight and ${logins8} each at 8, the relying parties taking turns login by login (so load and drift hit them alike); logins/s = logins in flight / mean latency, median over rounds. CPU is this process's (relying party and headless browser) per login at 1 in flight. The provider and its headless "browser" are most of each login's cost, which narrows the ratio. The A/A control is a second, identical core instance: its distance from 1.00x is what noise alone does to a ratio in this run.`,
    '',
    '| relying party | logins/s, 1 in flight | logins/s, 8 in flight | RP CPU ms per login (1 in flight) | core ratio at 1 | core ratio at 8 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${fmt(r.at1)} | ${fmt(r.at8)} | ${r.cpuMs.toFixed(2)} | ${ratio(core.at1, r.at1)} | ${ratio(core.at8, r.at8)} |`,
    ),
    '',
    `Target ≥ 0.95x of openid-client: at 1 in flight ${ratio(core.at1, peer.at1)} (${met(core.at1 / peer.at1)}), at 8 in flight ${ratio(core.at8, peer.at8)} (${met(core.at8 / peer.at8)}). Noise in this run (A/A control): ±${(noise * 100).toFixed(1)}%.`,
  ];
}

async function importTable() {
  const runs = num('BENCH_IMPORT_RUNS', 9);
  const rows = await benchImport({
    runs,
    specifiers: ['@dinhdanh/core', 'openid-client', '@auth/core'],
  });
  const core = rows[1];
  return [
    '### Cold import time',
    '',
    environmentLine(),
    `Fresh \`node --input-type=module -e "await import(...)"\` processes, one untimed run each first, then ${runs} interleaved runs; median wall time of the whole process, and the median minus the bare-node baseline (the import itself).`,
    '',
    '| import | process ms (median) | min-max | import ms (over baseline) | core ratio (import ms) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r, i) =>
        `| ${r.name} | ${r.median.toFixed(0)} | ${r.min.toFixed(0)}-${r.max.toFixed(0)} | ${i === 0 ? '—' : r.overBaseline.toFixed(0)} | ${i === 0 ? '—' : ratio(core.overBaseline, r.overBaseline)} |`,
    ),
    '',
    'Here a ratio above 1 means core is slower (more milliseconds).',
  ];
}

/** Runs the three core benchmarks in turn; returns the markdown lines. */
export async function coreReport() {
  const lines = ['## @dinhdanh/core against its peers', '', NOISE, ''];
  lines.push(...(await verifyTable()), '');
  lines.push(...(await loginTable()), '');
  lines.push(...(await importTable()));
  return lines;
}
