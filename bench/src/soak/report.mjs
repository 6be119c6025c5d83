/* global performance */
// `BENCH_ONLY=soak pnpm bench`: the bank-like Express app under sustained logins against the
// mock (its CLI, over HTTP) and protected-route traffic at once, with sealed-cookie and then
// Redis sessions. Throughput, p50/p99 latency, errors, heap after GC and active resources
// of the app process before and after. BENCH_SOAK_SECONDS (default 15; 60 for the full soak).
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { environmentLine } from '../core/env.mjs';
import { startProcess, stopProcess } from '../processes.mjs';
import { freePort, startRedis } from '../redis.mjs';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 15);
const LOGINS_IN_FLIGHT = Number(process.env.BENCH_SOAK_LOGINS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_SOAK_CONNECTIONS ?? 8);
const SECRET = 'soak-bank-seal-secret-soak-bank-seal-0123456';
const CLIENT_SECRET = 'soak-bank-client-secret-0123456789';
const APP = fileURLToPath(new URL('./app.mjs', import.meta.url));
const MOCK_BIN = fileURLToPath(
  new URL('../../../packages/mock-idp/bin/dinhdanh-mock-idp.js', import.meta.url),
);
// Level-2 personas and the name each one's /account must show (never another's).
const PERSONAS = [
  ['citizen-l2', 'Nguyễn Văn An'],
  ['citizen-l2-no-contact', 'Lê Văn Cường'],
  ['guardian', 'Phạm Thị Dung'],
];

/** One HTTP/1.1 request on a fresh connection (no keep-alive left behind). */
function get(url, cookie) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end();
  });
}

function absorb(jar, response) {
  for (const line of response.headers['set-cookie'] ?? []) {
    const [pair] = line.split(';');
    const at = pair.indexOf('=');
    if (pair.slice(at + 1) === '' || /max-age=0/i.test(line)) jar.delete(pair.slice(0, at));
    else jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const header = (jar) => [...jar].map(([n, v]) => `${n}=${v}`).join('; ');

/** A browser login of `persona`, then its /account: the cookie, or an error. */
async function login(base, persona, name) {
  const jar = new Map();
  const start = await get(`${base}/auth/login?login_hint=${persona}`);
  if (start.status !== 302) throw new Error(`login start ${start.status}`);
  absorb(jar, start);
  let location = start.headers.location;
  for (let hop = 0; hop < 5 && !location.startsWith(base); hop += 1) {
    const step = await get(location);
    if (step.status !== 302 && step.status !== 303) throw new Error(`provider ${step.status}`);
    location = new URL(step.headers.location, location).href;
  }
  const done = await get(location, header(jar));
  if (done.status !== 302) throw new Error(`callback ${done.status}`);
  absorb(jar, done);
  const account = await get(`${base}/account`, header(jar));
  if (account.status !== 200) throw new Error(`account ${account.status}`);
  if (JSON.parse(account.body).name !== name) throw new Error('another citizen’s identity');
  return header(jar);
}

function percentile(sorted, p) {
  return sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function message(child, key) {
  return new Promise((resolve, reject) => {
    const on = (m) => {
      if (m && key in m) {
        child.off('message', on);
        resolve(m[key]);
      }
    };
    child.on('message', on);
    child.once('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

async function soak(label, { redisUrl }) {
  const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-soak-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = join(dir, 'mock.json');
  await writeFile(
    config,
    JSON.stringify({
      autoApprove: true,
      clients: [
        {
          clientId: 'soak-bank',
          clientSecret: CLIENT_SECRET,
          name: 'Ngân hàng thử nghiệm',
          redirectUris: [`${base}/auth/callback`],
          authMethods: ['client_secret_basic'],
        },
      ],
    }),
  );
  const mock = await startProcess([MOCK_BIN, '--port', '0', '--config', config], {
    ready: /issuer\s+(\S+)/,
  });
  const app = fork(APP, {
    execArgv: ['--expose-gc'],
    env: {
      ...process.env,
      SOAK_PORT: String(port),
      SOAK_ISSUER: mock.match[1],
      SOAK_SECRET: SECRET,
      SOAK_CLIENT_SECRET: CLIENT_SECRET,
      ...(redisUrl ? { SOAK_REDIS_URL: redisUrl } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    await message(app, 'ready');
    // Warm-up: every persona logs in and its page is read (lazy modules, caches, JWKS).
    for (let i = 0; i < 20; i += 1) await login(base, ...PERSONAS[i % PERSONAS.length]);
    const cookie = await login(base, ...PERSONAS[0]);
    const before = await (app.send('measure'), message(app, 'measured'));

    const loginTimes = [];
    const loginErrors = [];
    const end = performance.now() + SECONDS * 1000;
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
        duration: SECONDS,
        headers: { cookie, accept: 'application/json' },
      }),
      ...Array.from({ length: LOGINS_IN_FLIGHT }, worker),
    ]);
    const after = await (app.send('measure'), message(app, 'measured'));
    loginTimes.sort((a, b) => a - b);
    return {
      label,
      pages,
      logins: {
        count: loginTimes.length,
        rate: loginTimes.length / SECONDS,
        p50: percentile(loginTimes, 0.5),
        p99: percentile(loginTimes, 0.99),
        errors: loginErrors,
      },
      before,
      after,
    };
  } finally {
    app.send('stop');
    await new Promise((resolve) => (app.exitCode !== null ? resolve() : app.once('exit', resolve)));
    await stopProcess(mock.child);
    await rm(dir, { recursive: true, force: true });
  }
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const list = (resources) =>
  Object.entries(resources)
    .sort()
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');

/** Each resource type's count after is at most its count before. */
function backToBaseline(before, after) {
  return Object.entries(after).every(([name, n]) => n <= (before[name] ?? 0));
}

export async function soakReport() {
  console.log(`## Load and soak: the bank-like Express app\n\n${environmentLine()}\n`);
  console.log(
    `${SECONDS} s per setup (BENCH_SOAK_SECONDS; 60 for the full soak): ${LOGINS_IN_FLIGHT} browser logins in flight against the mock CLI over HTTP (login → provider → callback → /account, whose name must be the persona's), and at the same time autocannon on the protected GET /account (requireIdentity level 2) with ${CONNECTIONS} connections. Heap and active resources are the app process's, after its connections closed, a ${Number(process.env.SOAK_SETTLE_MS ?? 5000) / 1000} s settle and GC, after a warm-up of 20 logins and then after the run.\n`,
  );
  const results = [await soak('sealed cookie', {})];
  const redis = await startRedis();
  try {
    results.push(await soak('Redis store (ioredis)', { redisUrl: redis.url }));
  } finally {
    await redis.stop();
  }
  console.log(
    '| sessions | page req/s | page p50 / p99 ms | page errors | logins/s | login p50 / p99 ms | login errors | heap before → after (MB) | heap growth | resources before | resources after | back to baseline |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |');
  for (const r of results) {
    const pageErrors = r.pages.errors + r.pages.timeouts + r.pages.non2xx;
    const growth = (r.after.heapUsed / r.before.heapUsed - 1) * 100;
    console.log(
      `| ${r.label} | ${r.pages.requests.average.toFixed(0)} | ${r.pages.latency.p50} / ${r.pages.latency.p99} | ${pageErrors} | ${r.logins.rate.toFixed(1)} | ${r.logins.p50.toFixed(0)} / ${r.logins.p99.toFixed(0)} | ${r.logins.errors.length} | ${mb(r.before.heapUsed)} → ${mb(r.after.heapUsed)} | ${growth >= 0 ? '+' : ''}${growth.toFixed(1)}% | ${list(r.before.resources)} | ${list(r.after.resources)} | ${backToBaseline(r.before.resources, r.after.resources) ? 'yes' : 'NO'} |`,
    );
    for (const error of new Set(r.logins.errors))
      console.log(`\nLogin error (${r.label}): ${error}`);
  }
  console.log(
    '\nTargets: zero errors (none injected), heap growth under 10%, resources back to baseline.',
  );
  return results;
}
