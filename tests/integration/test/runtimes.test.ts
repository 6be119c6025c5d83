/**
 * The BUILT core logs in against the mock (served by Node) on other runtimes: Node 20
 * (this one), Node 22 and 24, Bun and Deno (each fetched with `npx -y`), and workerd
 * (Cloudflare's runtime, from the `workerd` dev dependency, with the login bundled by
 * esbuild). Each prints `{ ok, subject, level, runtime }`; every subject must be the same.
 *
 * The VNeID partner login (tests/runtimes/partner-login.mjs: envelopes on token and userinfo,
 * AES-CBC, an encrypted code with a `+`) runs on the same runtimes, and each reports which
 * crypto backend it used (the table in docs/vneid-partner.md).
 *
 * A runtime that cannot be fetched (no network, registry down) FAILS with the reason.
 * Needs `pnpm build` first (the root `pnpm test` does it).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const RUNTIMES_DIR = fileURLToPath(new URL('../../runtimes/', import.meta.url));
const SCRIPT = join(RUNTIMES_DIR, 'login.mjs');
const PARTNER_SCRIPT = join(RUNTIMES_DIR, 'partner-login.mjs');
const CORE_DIST = fileURLToPath(new URL('../../../packages/core/dist/index.js', import.meta.url));
/** Generous: a fresh machine downloads each runtime once (tens of MB). */
const RUNTIME_TIMEOUT = 180_000;

interface LoginLine {
  ok: boolean;
  subject?: string;
  level?: number;
  runtime?: string;
  error?: string;
}

/** Runs a command; resolves with stdout/stderr/exit code (never rejects on exit code). */
function run(
  command: string,
  args: readonly string[],
): Promise<{ stdout: string; stderr: string; code: number | string | null }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: RUNTIME_TIMEOUT - 10_000, maxBuffer: 8 * 1024 * 1024, cwd: RUNTIMES_DIR },
      (error, stdout, stderr) => {
        resolve({ stdout, stderr, code: error === null ? 0 : (error.code ?? error.signal ?? 1) });
      },
    );
  });
}

/** The last JSON line a runtime printed; a clear failure when there is none. */
function loginLine(
  name: string,
  outcome: { stdout: string; stderr: string; code: unknown },
): LoginLine {
  const line = outcome.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('{'))
    .at(-1);
  if (line === undefined) {
    const tail = outcome.stderr.split('\n').slice(-15).join('\n');
    throw new Error(
      `${name} printed no result (exit ${String(outcome.code)}). If the runtime could not be ` +
        `fetched, check network access to the npm registry.\n--- stderr ---\n${tail}`,
    );
  }
  return JSON.parse(line) as LoginLine;
}

let mock: RunningMockIdp;
let expectedSubject: string;

beforeAll(async () => {
  if (!existsSync(CORE_DIST)) {
    throw new Error(`${CORE_DIST} is missing: run \`npx -y pnpm@10 build\` first.`);
  }
  // The default client is the documented development client the script uses.
  mock = await startMockIdp({ port: 0, host: '127.0.0.1', autoApprove: true });
  const reference = loginLine(
    'node (this one)',
    await run(process.execPath, [SCRIPT, mock.issuer]),
  );
  expect(reference).toMatchObject({ ok: true, level: 2 });
  expectedSubject = reference.subject ?? '';
  expect(expectedSubject).not.toBe('');
}, RUNTIME_TIMEOUT);

afterAll(async () => {
  await mock.close();
});

const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const RUNTIMES: readonly {
  name: string;
  command: string;
  args: (script: string, issuer: string) => string[];
  runtime: RegExp;
  /** The partner crypto backend this runtime must pick (docs/vneid-partner.md). */
  partner: {
    rsa: 'node' | 'forge';
    aes: 'node' | 'forge';
    implicitRejection: boolean;
    rsaPadding: 'platform' | 'dinhdanh';
  };
}[] = [
  {
    name: `node ${process.versions.node} (current)`,
    command: process.execPath,
    args: (s, i) => [s, i],
    runtime: /^node 20\./,
    partner: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'dinhdanh' },
  },
  {
    name: 'node 22',
    command: NPX,
    args: (s, i) => ['-y', 'node@22', s, i],
    runtime: /^node 22\./,
    partner: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'platform' },
  },
  {
    name: 'node 24',
    command: NPX,
    args: (s, i) => ['-y', 'node@24', s, i],
    runtime: /^node 24\./,
    partner: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'platform' },
  },
  {
    name: 'bun',
    command: NPX,
    args: (s, i) => ['-y', 'bun', s, i],
    runtime: /^bun \d/,
    partner: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'dinhdanh' },
  },
  {
    name: 'deno',
    command: NPX,
    args: (s, i) => ['-y', 'deno', 'run', '--allow-net', '--allow-read', '--allow-env', s, i],
    runtime: /^deno \d/,
    partner: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'dinhdanh' },
  },
];

describe('headless login with the built core on each runtime', () => {
  for (const runtime of RUNTIMES) {
    it(
      runtime.name,
      async () => {
        const line = loginLine(
          runtime.name,
          await run(runtime.command, runtime.args(SCRIPT, mock.issuer)),
        );
        console.info(`[runtimes] ${runtime.name}: ${JSON.stringify(line)}`);
        expect(line).toMatchObject({ ok: true, subject: expectedSubject, level: 2 });
        expect(line.runtime).toMatch(runtime.runtime);
      },
      RUNTIME_TIMEOUT,
    );
  }

  it(
    'workerd (Cloudflare Workers runtime, bundled worker)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-workerd-'));
      let child: ChildProcess | undefined;
      try {
        const line = await workerdLogin(dir, mock.issuer, (c) => (child = c));
        console.info(`[runtimes] workerd ${workerdVersion()}: ${JSON.stringify(line)}`);
        expect(line).toMatchObject({
          ok: true,
          subject: expectedSubject,
          level: 2,
          runtime: 'workerd',
        });
      } finally {
        child?.kill();
        await rm(dir, { recursive: true, force: true });
      }
    },
    RUNTIME_TIMEOUT,
  );
});

interface PartnerLine extends LoginLine {
  source?: string;
  plusInCode?: boolean;
  encryptedCode?: boolean;
  backend?: { rsa: string; aes: string; implicitRejection: boolean; rsaPadding: string };
  variants?: string[];
}

/**
 * Logins after the first, one per entry: the mock's faults for that login (issue 17 part 1).
 * The profile reads every answer `auto` and detects the code's mode (ECB, bodies CBC).
 */
const VARIANTS: readonly (readonly string[])[] = [
  ['partner_token_sealed', 'partner_userinfo_sealed'],
  ['partner_token_plain', 'partner_userinfo_sealed'],
  ['partner_token_sealed', 'partner_userinfo_plain'],
  ['partner_token_plain', 'partner_userinfo_plain', 'partner_userinfo_alternate_forms'],
];
const VARIANTS_OK = VARIANTS.map((faults) => `${faults.join('+')}: level 2, 1985-03-14`);

describe('VNeID partner login (envelopes, CBC, encrypted code in ECB, plain or sealed per login) with the built core on each runtime', () => {
  const secret = 'partner-runtime-secret-0123456789-abcdef';
  const redirectUri = 'http://127.0.0.1:3000/auth/vneid/callback';
  let partnerMock: RunningMockIdp | undefined;
  let dir = '';
  let configPath = '';

  beforeAll(async () => {
    const keys = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    partnerMock = await startMockIdp({
      port: 0,
      host: '127.0.0.1',
      autoApprove: true,
      admin: true,
      clients: [
        {
          clientId: 'bank-partner',
          clientSecret: secret,
          name: 'Ngân hàng Đối tác',
          redirectUris: [redirectUri],
          authMethods: ['client_secret_post'],
          dialect: 'vneid-partner',
          partner: {
            publicKey: keys.publicKey,
            envelope: 'both',
            aesMode: 'cbc',
            codeAesMode: 'ecb',
            encryptCode: true,
            codeWithPlus: true,
          },
        },
      ],
    });
    dir = await mkdtemp(join(tmpdir(), 'dinhdanh-partner-'));
    configPath = join(dir, 'partner.json');
    // Synthetic key made for this run; the scripts read it from the temporary file.
    await writeFile(
      configPath,
      JSON.stringify({
        issuer: partnerMock.issuer,
        clientId: 'bank-partner',
        clientSecret: secret,
        redirectUri,
        privateKeyPem: keys.privateKey,
        aesMode: 'cbc',
        variants: VARIANTS,
      }),
    );
  });

  afterAll(async () => {
    await partnerMock?.close();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  for (const runtime of RUNTIMES) {
    it(
      `${runtime.name}: RSA ${runtime.partner.rsa}, AES ${runtime.partner.aes}`,
      async () => {
        const line: PartnerLine = loginLine(
          runtime.name,
          await run(runtime.command, runtime.args(PARTNER_SCRIPT, configPath)),
        );
        console.info(`[runtimes] partner ${runtime.name}: ${JSON.stringify(line)}`);
        expect(line).toMatchObject({
          ok: true,
          subject: '001085012345',
          level: 2,
          source: 'userinfo',
          plusInCode: true,
          encryptedCode: true,
          backend: runtime.partner,
          variants: VARIANTS_OK,
        });
        expect(line.runtime).toMatch(runtime.runtime);
      },
      RUNTIME_TIMEOUT,
    );
  }

  it(
    'workerd (bundled worker): raw RSA from its node:crypto, dinhdanh implicit rejection',
    async () => {
      const workDir = await mkdtemp(join(tmpdir(), 'dinhdanh-workerd-partner-'));
      let child: ChildProcess | undefined;
      try {
        const config = await readFile(configPath, 'utf8');
        const line: PartnerLine = await workerdLogin(workDir, '', (c) => (child = c), {
          entry: 'partner-worker.mjs',
          binding: 'CONFIG',
          value: config,
        });
        console.info(`[runtimes] partner workerd ${workerdVersion()}: ${JSON.stringify(line)}`);
        expect(line).toMatchObject({
          ok: true,
          subject: '001085012345',
          level: 2,
          source: 'userinfo',
          plusInCode: true,
          encryptedCode: true,
          backend: { rsa: 'node', aes: 'node', implicitRejection: true, rsaPadding: 'dinhdanh' },
          variants: VARIANTS_OK,
          runtime: 'workerd',
        });
      } finally {
        child?.kill();
        await rm(workDir, { recursive: true, force: true });
      }
    },
    RUNTIME_TIMEOUT,
  );
});

const require = createRequire(import.meta.url);

/** The `workerd` package: its default export is the platform binary's path. */
const workerd = require('workerd') as {
  default: string;
  compatibilityDate: string;
  version: string;
};

function workerdVersion(): string {
  return workerd.version;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * node-forge's CommonJS `require('crypto')` (taken when it thinks it runs on Node) cannot be
 * bundled for workerd: an empty module stands in, and node-forge uses its pure-JS paths.
 */
const emptyCrypto: Plugin = {
  name: 'empty-crypto',
  setup(b) {
    b.onResolve({ filter: /^crypto$/ }, () => ({ path: 'crypto', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({
      contents: 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/** Bundles worker.mjs, writes a workerd config, serves it and asks it for one login. */
async function workerdLogin(
  dir: string,
  issuer: string,
  started: (child: ChildProcess) => void,
  worker: { entry: string; binding: string; value: string } = {
    entry: 'worker.mjs',
    binding: 'ISSUER',
    value: issuer,
  },
): Promise<LoginLine> {
  await build({
    entryPoints: [join(RUNTIMES_DIR, worker.entry)],
    // `node:crypto` is probed at run time by the partner subpath (workerd may provide it).
    external: ['node:*'],
    plugins: [emptyCrypto],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    outfile: join(dir, 'worker.js'),
    logLevel: 'silent',
  });
  // The worker reaches the mock on 127.0.0.1: allow private and local addresses outbound.
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "${workerd.compatibilityDate}",
  bindings = [ (name = "${worker.binding}", text = ${JSON.stringify(worker.value)}) ],
  globalOutbound = "internet",
);
`;
  await writeFile(join(dir, 'config.capnp'), config);
  const port = await freePort();
  let stderr = '';
  const child = spawn(
    workerd.default,
    ['serve', join(dir, 'config.capnp'), '--socket-addr', `http=127.0.0.1:${port}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  started(child);
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // Bounded wait for the socket: up to 300 attempts, 100 ms apart.
  for (let attempt = 0; attempt < 300 && child.exitCode === null; attempt += 1) {
    const response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
    if (response !== undefined) {
      const text = await response.text();
      try {
        return JSON.parse(text) as LoginLine;
      } catch {
        throw new Error(`workerd answered ${response.status}: ${text.slice(0, 500)}\n${stderr}`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `workerd did not answer on port ${port}.\n--- stderr ---\n${stderr.slice(-2000)}`,
  );
}
