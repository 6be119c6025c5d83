import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEV_CLIENT } from '../src/options';
import { authorizationRequest, discoverOverHttp, exchange } from './helpers';

const pkg = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const BIN = pkg('bin/dinhdanh-mock-idp.js');
const fixture = (name: string) => pkg(`test/fixtures/cli/${name}`);

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const running: ChildProcess[] = [];

function run(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Waits (bounded) for the ready banner and returns the printed issuer. */
async function issuerOf(r: Run): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    const match = /issuer\s+(\S+)/.exec(r.stdout());
    if (match !== null && r.stdout().includes('Press Ctrl+C')) return match[1]!;
    if (r.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`CLI did not become ready\n${r.stdout()}\n${r.stderr()}`);
}

interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const DEV: TestClient = {
  clientId: DEV_CLIENT.clientId,
  clientSecret: DEV_CLIENT.clientSecret,
  redirectUri: DEV_CLIENT.redirectUris[0],
};

async function headlessLogin(issuer: string, client: TestClient = DEV, server = issuer) {
  const config = await discoverOverHttp(server, client.clientId, client.clientSecret);
  const { url, ...checks } = await authorizationRequest(config, {
    redirect_uri: client.redirectUri,
    login_hint: 'citizen-l1',
  });
  const authorize = await fetch(url, { redirect: 'manual' });
  const location = authorize.headers.get('location') ?? '';
  expect(location.startsWith(client.redirectUri)).toBe(true);
  const tokens = await exchange(config, { callback: new URL(location), ...checks });
  return tokens.claims()!;
}

beforeAll(() => {
  // `pnpm test` builds first; a bare `vitest run` on a fresh clone builds here.
  if (!existsSync(pkg('dist/cli.js'))) {
    execFileSync('npx', ['-y', 'pnpm@10', 'build'], { cwd: pkg('.'), stdio: 'ignore' });
  }
}, 120_000);

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('dinhdanh-mock-idp as a process', () => {
  it('starts with no configuration, prints issuer, discovery, dev client and what to do next; logs in headlessly; exits 0 on SIGTERM', async () => {
    const r = run(['--port', '0', '--auto-approve']);
    const issuer = await issuerOf(r);
    expect(issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.stdout()).toContain(`discovery  ${issuer}/.well-known/openid-configuration`);
    expect(r.stdout()).toContain(`client_id=${DEV_CLIENT.clientId}`);
    expect(r.stdout()).toMatch(/personas\s+citizen-l2, /);
    // no link that ends on localhost:3000 where nothing listens: what to do next instead
    expect(r.stdout()).not.toContain('/authorize?');
    expect(r.stdout()).not.toContain('Try it');
    expect(r.stdout()).toContain(
      'redirect URI\n    http://localhost:3000/auth/callback (exact match',
    );
    expect(r.stdout()).toContain('--config <file>');
    expect(r.stdout()).toContain('docs/getting-started.md');
    expect(r.stdout()).toContain('`npx -y pnpm@10 demo`');

    const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(issuer);

    const claims = await headlessLogin(issuer);
    expect(claims.iss).toBe(issuer);
    expect(claims.aud).toBe(DEV_CLIENT.clientId);

    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  it('reads DINHDANH_MOCK_* variables and exits 0 on SIGINT', async () => {
    const r = run([], {
      DINHDANH_MOCK_PORT: '0',
      DINHDANH_MOCK_HOST: '127.0.0.1',
      DINHDANH_MOCK_AUTO_APPROVE: '1',
      DINHDANH_MOCK_ADMIN: '1',
    });
    const issuer = await issuerOf(r);
    expect(r.stdout()).toContain(`admin API  ${issuer}/__mock/`);
    await headlessLogin(issuer);
    r.child.kill('SIGINT');
    expect(await r.exit).toBe(0);
  });

  it('starts from a valid config file (its clients, its autoApprove) without printing the dev client', async () => {
    const r = run(['--port', '0', '--config', fixture('good.json')]);
    const issuer = await issuerOf(r);
    expect(r.stdout()).not.toContain('client_secret=');
    const claims = await headlessLogin(issuer, {
      clientId: 'ci-bank',
      clientSecret: 'ci-bank-secret-0123456789-0123456789-abc',
      redirectUri: 'http://127.0.0.1/callback',
    });
    expect(claims.aud).toBe('ci-bank');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  it('lets --issuer override the file and still serves on the bound URL', async () => {
    const r = run([
      '--port',
      '0',
      '--config',
      fixture('good.json'),
      '--issuer',
      'http://idp.mock.test',
    ]);
    expect(await issuerOf(r)).toBe('http://idp.mock.test');
    const listening = /listening\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(r.stdout())?.[1];
    expect(listening).toBeDefined();
    const metadata = (await (
      await fetch(`${listening}/.well-known/openid-configuration`)
    ).json()) as { issuer: string };
    expect(metadata.issuer).toBe('http://idp.mock.test');
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
  });

  it('exits 2 when --issuer is not a URL', async () => {
    const r = run(['--port', '0', '--issuer', 'not a url']);
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toContain('config_invalid');
    expect(r.stderr()).toContain('issuer');
  });

  it('exits 2 on a bad config file, naming the file and the field', async () => {
    const r = run(['--port', '0', '--config', fixture('bad-redirect.json')]);
    expect(await r.exit).toBe(2);
    expect(r.stderr()).toContain(fixture('bad-redirect.json'));
    expect(r.stderr()).toContain('clients[0].redirectUris[0]');
    expect(r.stdout()).not.toContain('ready');
  });

  it('exits 2 on bad usage and prints help and version with exit 0', async () => {
    const bad = run(['--frobnicate']);
    expect(await bad.exit).toBe(2);
    expect(bad.stderr()).toContain('--help');

    const help = run(['--help']);
    expect(await help.exit).toBe(0);
    expect(help.stdout()).toContain('Usage: dinhdanh-mock-idp');
    expect(help.stdout()).toContain('DINHDANH_MOCK_PORT');

    const version = run(['--version']);
    expect(await version.exit).toBe(0);
    expect(version.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 1 with a hint when the port is taken', async () => {
    const first = run(['--port', '0']);
    const port = new URL(await issuerOf(first)).port;
    const second = run(['--port', port]);
    expect(await second.exit).toBe(1);
    expect(second.stderr()).toContain(`127.0.0.1:${port} is in use`);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
  });
});
