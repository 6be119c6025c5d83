#!/usr/bin/env node
/**
 * `pnpm demo`: the mock identity provider and every built example (examples/<id>/dist/demo.js,
 * see examples/demo-contract.ts), each on its port, with development secrets generated on
 * first start into .demo/secrets.json (never committed). Ctrl-C stops everything.
 *
 * Environment: DINHDANH_DEMO_PORT_BASE=<n> puts the mock on n and each example on
 * n + (its port - 3000) instead of 9400 and 3001...; DINHDANH_DEMO_DIR, where the secrets live.
 */
/* global performance, setTimeout */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEV_CLIENT, startMockIdp } from '@dinhdanh/mock-idp';

const started = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const HOST = '127.0.0.1';
const MOCK_PORT = 9400;

/** One line on stderr and exit 1: the demo cannot start. */
function fail(message) {
  console.error(`dinhdanh demo: ${message}`);
  process.exit(1);
}

function portBase() {
  const raw = process.env.DINHDANH_DEMO_PORT_BASE;
  if (raw === undefined || raw === '') return undefined;
  const base = Number(raw);
  if (!Number.isInteger(base) || base < 1024 || base > 65_000) {
    fail('DINHDANH_DEMO_PORT_BASE must be a port number from 1024 to 65000.');
  }
  return base;
}
const base = portBase();
const mockPort = base ?? MOCK_PORT;
const portOf = (example) => (base === undefined ? example.port : base + (example.port - 3000));

/** Development secrets per example id, generated once and kept (mode 0600). */
function loadSecrets(ids) {
  const dir = process.env.DINHDANH_DEMO_DIR || join(root, '.demo');
  const file = join(dir, 'secrets.json');
  let secrets = {};
  if (existsSync(file)) {
    try {
      secrets = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      fail(`${file} is not valid JSON: delete it and start again (new secrets are made).`);
    }
  }
  const fresh = () => randomBytes(32).toString('base64url');
  let changed = false;
  for (const id of ids) {
    const s = secrets[id];
    if (
      typeof s?.clientSecret !== 'string' ||
      s.clientSecret.length < 32 ||
      typeof s.sessionSecret !== 'string' ||
      s.sessionSecret.length < 32
    ) {
      secrets[id] = { clientSecret: fresh(), sessionSecret: fresh() };
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    console.log(`dinhdanh demo: development secrets generated in ${file} (never commit them)`);
  }
  return secrets;
}

/** Every examples/<folder>/dist/demo.js, by folder; folders not built yet are named. */
async function discoverExamples() {
  const dir = join(root, 'examples');
  const examples = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const built = join(dir, entry.name, 'dist', 'demo.js');
    if (!existsSync(built)) {
      if (existsSync(join(dir, entry.name, 'package.json'))) {
        console.log(`  (skipped examples/${entry.name}: no dist/demo.js; \`pnpm demo\` builds it)`);
      }
      continue;
    }
    const example = (await import(pathToFileURL(built).href)).default;
    if (
      typeof example?.id !== 'string' ||
      typeof example.start !== 'function' ||
      typeof example.mockClients !== 'function' ||
      !Number.isInteger(example.port)
    ) {
      fail(
        `examples/${entry.name}/dist/demo.js does not default-export a DemoExample (examples/demo-contract.ts).`,
      );
    }
    examples.push(example);
  }
  return examples.sort((a, b) => a.port - b.port);
}

/** Why a server could not start, in one line. */
function startError(error, what, port) {
  if (error?.code === 'EADDRINUSE') {
    return `port ${port} is already in use, so ${what} cannot start. Stop what uses it (another \`pnpm demo\`?), or pick other ports: DINHDANH_DEMO_PORT_BASE=20000 pnpm demo`;
  }
  return `${what} could not start: ${error instanceof Error ? error.message : String(error)}`;
}

const running = [];
let stopping = false;

/** Closes everything started, newest first, within 5 s. */
async function stopAll() {
  const closing = running.reverse().map((server) => server.close().catch(() => undefined));
  await Promise.race([
    Promise.all(closing),
    new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
  ]);
}

function onSignal() {
  if (stopping) return;
  stopping = true;
  console.log('\ndinhdanh demo: stopping…');
  stopAll().then(() => process.exit(0));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function main() {
  const examples = await discoverExamples();
  const secrets = loadSecrets(examples.map((e) => e.id));
  const issuer = `http://${HOST}:${mockPort}`;
  const planned = await Promise.all(
    examples.map(async (example) => {
      const port = portOf(example);
      const origin = `http://${HOST}:${port}`;
      return {
        example,
        port,
        origin,
        clients: await example.mockClients(origin, secrets[example.id]),
      };
    }),
  );
  try {
    const mock = await startMockIdp({
      port: mockPort,
      host: HOST,
      // The development client keeps docs/getting-started.md working beside the examples.
      clients: [DEV_CLIENT, ...planned.flatMap((p) => p.clients)],
    });
    running.push(mock);
  } catch (error) {
    fail(startError(error, 'the mock identity provider', mockPort));
  }
  const lines = [
    [
      issuer,
      'mock identity provider (VNeID, PostID, DVCQG): the personas, consent screens and phone pages the examples use',
    ],
  ];
  for (const p of planned) {
    try {
      const app = await p.example.start({
        port: p.port,
        host: HOST,
        issuer,
        origin: p.origin,
        secrets: secrets[p.example.id],
        ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
      });
      running.push(app);
      lines.push([app.url, `${p.example.title}: ${p.example.tryThis}`]);
    } catch (error) {
      await stopAll();
      fail(startError(error, `the example ${p.example.id}`, p.port));
    }
  }
  if (stopping) return;
  const width = Math.max(...lines.map(([url]) => url.length));
  for (const [url, what] of lines) console.log(`  ${url.padEnd(width)}  ${what}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `dinhdanh demo: ready in ${seconds} s (synthetic personas, development secrets). Ctrl-C stops everything.`,
  );
}

main().catch(async (error) => {
  await stopAll();
  fail(error instanceof Error ? error.message : String(error));
});
