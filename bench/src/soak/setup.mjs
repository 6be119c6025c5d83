// The soak's setup, shared by the soak report and the heap study: the mock provider (its CLI,
// over HTTP) and the bank-like app (app.mjs, forked with --expose-gc), and a browser login.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startProcess, stopProcess } from '../processes.mjs';
import { freePort } from '../redis.mjs';

const SECRET = 'soak-bank-seal-secret-soak-bank-seal-0123456';
const CLIENT_SECRET = 'soak-bank-client-secret-0123456789';
const APP = fileURLToPath(new URL('./app.mjs', import.meta.url));
const MOCK_BIN = fileURLToPath(
  new URL('../../../packages/mock-idp/bin/dinhdanh-mock-idp.js', import.meta.url),
);
/** Level-2 personas and the name each one's /account must show (never another's). */
export const PERSONAS = [
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
export async function login(base, persona, name) {
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

/** `count` logins (personas in turn), `inFlight` at a time; resolves with the failures' messages. */
export async function logins(base, count, inFlight = 2) {
  const errors = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const [persona, name] = PERSONAS[next++ % PERSONAS.length];
      await login(base, persona, name).catch((error) => errors.push(String(error.message)));
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return errors;
}

function message(child, key) {
  return new Promise((resolve, reject) => {
    const exited = (code) => {
      child.off('message', on);
      reject(new Error(`app exited with ${code}`));
    };
    const on = (m) => {
      if (m && key in m) {
        child.off('message', on);
        child.off('exit', exited);
        resolve(m[key]);
      }
    };
    child.on('message', on);
    child.once('exit', exited);
  });
}

/**
 * Starts the mock and the bank app (Redis sessions with `redisUrl`; `settleMs` before each
 * measure, else SOAK_SETTLE_MS or 6000). `measure()` asks the app
 * for its heap after GC and its active resources; `snapshot(path)` for a heap snapshot after
 * GC; `stop()` ends both.
 */
export async function startBank({ redisUrl, settleMs } = {}) {
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
      ...(settleMs !== undefined ? { SOAK_SETTLE_MS: String(settleMs) } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const stop = async () => {
    if (app.exitCode === null) {
      app.send('stop');
      await new Promise((resolve) =>
        app.exitCode !== null ? resolve() : app.once('exit', resolve),
      );
    }
    await stopProcess(mock.child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await message(app, 'ready');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    measure: () => (app.send('measure'), message(app, 'measured')),
    snapshot: (path) => (app.send({ snapshot: path }), message(app, 'snapshotted')),
    stop,
  };
}
