/* global performance */
// `BENCH_ONLY=soak pnpm bench`: the bank-like Express app under sustained logins against the
// mock (its CLI, over HTTP) and protected-route traffic at once, with sealed-cookie and then
// Redis sessions. Throughput, p50/p99 latency, errors, heap after GC and active resources
// of the app process before and after. BENCH_SOAK_SECONDS (default 15; 60 for the full soak),
// after BENCH_SOAK_WARMUP_SECONDS (default: as long as the run) of the same traffic.
import autocannon from 'autocannon';
import { environmentLine } from '../core/env.mjs';
import { startRedis } from '../redis.mjs';
import { PERSONAS, login, logins, startBank } from './setup.mjs';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_SOAK_WARMUP_SECONDS ?? SECONDS);
const LOGINS_IN_FLIGHT = Number(process.env.BENCH_SOAK_LOGINS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_SOAK_CONNECTIONS ?? 8);
// Past the provider-request time-out (httpTimeoutMs, 5 s): each request's AbortSignal.timeout
// holds its response until then (see docs/load.md).
const SETTLE_MS = Number(process.env.SOAK_SETTLE_MS ?? 6000);

function percentile(sorted, p) {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** `seconds` of logins in a loop and autocannon on /account with `cookie`, at once. */
async function traffic(base, cookie, seconds) {
  const loginTimes = [];
  const loginErrors = [];
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const [persona, name] = PERSONAS[next++ % PERSONAS.length];
      const begin = performance.now();
      try {
        await login(base, persona, name);
        loginTimes.push(performance.now() - begin);
      } catch (error) {
        loginErrors.push(String(error.message));
      }
    }
  };
  const [pages] = await Promise.all([
    autocannon({
      url: `${base}/account`,
      connections: CONNECTIONS,
      duration: seconds,
      headers: { cookie, accept: 'application/json' },
    }),
    ...Array.from({ length: LOGINS_IN_FLIGHT }, worker),
  ]);
  loginTimes.sort((a, b) => a - b);
  return {
    pages,
    logins: {
      count: loginTimes.length,
      rate: loginTimes.length / seconds,
      p50: percentile(loginTimes, 0.5),
      p99: percentile(loginTimes, 0.99),
      errors: loginErrors,
    },
  };
}

async function soak(label, { redisUrl }) {
  const bank = await startBank({ redisUrl, settleMs: SETTLE_MS });
  try {
    // Cold: every persona logs in and its page is read (lazy modules, JWKS, discovery).
    const coldErrors = await logins(bank.base, 20);
    if (coldErrors.length > 0) throw new Error(`cold logins failed: ${coldErrors[0]}`);
    const cold = await bank.measure();
    const cookie = await login(bank.base, ...PERSONAS[0]);
    // Warm-up: the same traffic as the run, so that V8 has compiled the hot paths (code space
    // levels off after about 2,000 logins) and the bounded caches (256 opened cookies, 250
    // resource timings) are full before the baseline. docs/load.md has the heap study.
    const warm = WARMUP_SECONDS > 0 ? await traffic(bank.base, cookie, WARMUP_SECONDS) : undefined;
    const before = await bank.measure();
    const run = await traffic(bank.base, cookie, SECONDS);
    const after = await bank.measure();
    return { label, ...run, warmErrors: warm?.logins.errors ?? [], cold, before, after };
  } finally {
    await bank.stop();
  }
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const list = (resources) =>
  Object.entries(resources)
    .sort()
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
const plus = (n, digits) => `${n >= 0 ? '+' : ''}${n.toFixed(digits)}`;
const signed = (percent) => `${plus(percent, 1)}%`;

/** Each resource type's count after is at most its count before. */
function backToBaseline(before, after) {
  return Object.entries(after).every(([name, n]) => n <= (before[name] ?? 0));
}

export async function soakReport() {
  console.log(`## Load and soak: the bank-like Express app\n\n${environmentLine()}\n`);
  console.log(
    `${SECONDS} s per setup (BENCH_SOAK_SECONDS; 60 for the full soak) after a ${WARMUP_SECONDS} s warm-up of the same traffic (BENCH_SOAK_WARMUP_SECONDS): ${LOGINS_IN_FLIGHT} browser logins in flight against the mock CLI over HTTP (login → provider → callback → /account, whose name must be the persona's), and at the same time autocannon on the protected GET /account (requireIdentity level 2) with ${CONNECTIONS} connections. Heap and active resources are the app process's, each after its connections closed, a ${SETTLE_MS / 1000} s settle and GC: after 20 cold logins, after the warm-up (the baseline) and after the run.\n`,
  );
  const results = [await soak('sealed cookie', {})];
  const redis = await startRedis();
  try {
    results.push(await soak('Redis store (ioredis)', { redisUrl: redis.url }));
  } finally {
    await redis.stop();
  }
  console.log(
    '| sessions | page req/s | page p50 / p99 ms | page errors | logins/s | login p50 / p99 ms | login errors | heap cold → before → after (MB) | heap growth over the run | of which old space / code space (MB) | resources before | resources after | back to baseline |',
  );
  console.log(
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
  );
  for (const r of results) {
    const pageErrors = r.pages.errors + r.pages.timeouts + r.pages.non2xx;
    const growth = (r.after.heapUsed / r.before.heapUsed - 1) * 100;
    const errors = [...r.warmErrors, ...r.logins.errors];
    const delta = (space) => (r.after.spaces[space] - r.before.spaces[space]) / 1024 / 1024;
    const spaces = `${plus(delta('old_space'), 2)} / ${plus(delta('code_space'), 2)}`;
    console.log(
      `| ${r.label} | ${r.pages.requests.average.toFixed(0)} | ${r.pages.latency.p50} / ${r.pages.latency.p99} | ${pageErrors} | ${r.logins.rate.toFixed(1)} | ${r.logins.p50.toFixed(0)} / ${r.logins.p99.toFixed(0)} | ${r.logins.errors.length} (warm-up ${r.warmErrors.length}) | ${mb(r.cold.heapUsed)} → ${mb(r.before.heapUsed)} → ${mb(r.after.heapUsed)} | ${signed(growth)} (${r.logins.count} logins) | ${spaces} | ${list(r.before.resources)} | ${list(r.after.resources)} | ${backToBaseline(r.before.resources, r.after.resources) ? 'yes' : 'NO'} |`,
    );
    for (const error of new Set(errors)) console.log(`\nLogin error (${r.label}): ${error}`);
  }
  console.log(
    '\nTargets: zero errors (none injected), heap growth under 10% over the run, resources back to baseline.',
  );
  return results;
}
