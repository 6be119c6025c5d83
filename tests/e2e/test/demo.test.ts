/**
 * `pnpm demo` (scripts/demo.mjs) as a newcomer runs it: it builds nothing here (the examples
 * are built once below, as `pnpm demo` does), generates secrets on first start, starts the
 * mock and every built example on ports moved by DINHDANH_DEMO_PORT_BASE, prints one line
 * per URL, stops cleanly on SIGINT/SIGTERM, and says in one line when a port is taken.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = join(root, 'scripts', 'demo.mjs');

/** pnpm as the test was started with it (`pnpm test`), else through npx as the README says. */
function pnpm(args: string[]) {
  const execpath = process.env.npm_execpath;
  return execpath !== undefined && execpath.includes('pnpm')
    ? spawnSync(process.execPath, [execpath, ...args], { cwd: root, encoding: 'utf8' })
    : spawnSync('npx', ['-y', 'pnpm@10', ...args], { cwd: root, encoding: 'utf8' });
}

function listen(port: number): Promise<Server | undefined> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** A base port with the next 10 ports free (checked by binding them), tried at most 20 times. */
async function freeBase(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const servers = await Promise.all(Array.from({ length: 10 }, (_, i) => listen(base + i)));
    for (const server of servers) if (server !== undefined) await close(server);
    if (servers.every((s) => s !== undefined)) return base;
  }
  throw new Error('no 10 consecutive free ports');
}

interface Demo {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function startDemoScript(base: number, dir: string): Demo {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, DINHDANH_DEMO_PORT_BASE: String(base), DINHDANH_DEMO_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const demo: Demo = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout.on('data', (chunk: Buffer) => (demo.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (demo.stderr += chunk.toString()));
  return demo;
}

/** Waits (at most 30 s) for the ready line, or for the demo to exit. */
async function ready(demo: Demo): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!demo.stdout.includes('ready in') && demo.child.exitCode === null) {
    if (Date.now() > deadline) throw new Error(`not ready in 30 s:\n${demo.stdout}${demo.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The examples `pnpm demo` finds: folders with dist/demo.js. */
function builtExamples(): string[] {
  const dir = join(root, 'examples');
  return readdirSync(dir).filter((name) => existsSync(join(dir, name, 'dist', 'demo.js')));
}

describe('pnpm demo (scripts/demo.mjs)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dinhdanh-demo-'));
    const build = pnpm(['-r', '--filter', './examples/*', 'build']);
    expect(build.status, build.stderr + build.stdout).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts the mock and every example, prints what to try, and stops on Ctrl-C', async () => {
    expect(builtExamples()).toContain('bank-express');
    const base = await freeBase();
    const demo = startDemoScript(base, join(dir, 'first'));
    await ready(demo);
    expect(demo.stderr).toBe('');
    const lines = demo.stdout.split('\n');
    expect(lines.find((l) => l.includes('mock identity provider'))).toContain(
      `http://127.0.0.1:${base} `,
    );
    expect(lines.find((l) => l.includes('Ngân hàng Demo'))).toContain(
      `http://127.0.0.1:${base + 1} `,
    );
    // One line per URL: the mock's and one per built example.
    expect(lines.filter((l) => /^\s+http:\/\/127\.0\.0\.1:\d+\s/.test(l))).toHaveLength(
      1 + builtExamples().length,
    );

    const discovery = await fetch(`http://127.0.0.1:${base}/.well-known/openid-configuration`);
    expect(discovery.status).toBe(200);
    const home = await fetch(`http://127.0.0.1:${base + 1}/`);
    expect(await home.text()).toContain('Ngân hàng Demo');

    const file = join(dir, 'first', 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secrets = JSON.parse(readFileSync(file, 'utf8')) as Record<
      string,
      { clientSecret: string; sessionSecret: string }
    >;
    expect(Object.keys(secrets).sort()).toEqual(builtExamples().sort());
    for (const s of Object.values(secrets)) {
      expect(s.clientSecret.length).toBeGreaterThanOrEqual(32);
      expect(s.sessionSecret.length).toBeGreaterThanOrEqual(32);
      expect(s.clientSecret).not.toBe(s.sessionSecret);
    }

    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    expect(demo.stderr).toBe('');
    // Nothing left listening: every port binds again.
    for (const port of [base, base + 1]) {
      const server = await listen(port);
      expect(server, `port ${port} still taken`).toBeDefined();
      await close(server!);
    }

    // The second start keeps the secrets; SIGTERM stops it too.
    const again = startDemoScript(base, join(dir, 'first'));
    await ready(again);
    expect(again.stdout).not.toContain('secrets generated');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(secrets);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });

  it('says in one line that a port is taken', async () => {
    const base = await freeBase();
    const squatter = (await listen(base + 1))!;
    try {
      const demo = startDemoScript(base, join(dir, 'taken'));
      expect(await demo.exited).toBe(1);
      const lines = demo.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`port ${base + 1} is already in use`);
      expect(lines[0]).toContain('DINHDANH_DEMO_PORT_BASE');
      // What had started (the mock) is stopped again.
      const server = await listen(base);
      expect(server).toBeDefined();
      await close(server!);
    } finally {
      await close(squatter);
    }
  });
});
