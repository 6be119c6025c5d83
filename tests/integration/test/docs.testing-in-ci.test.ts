/**
 * docs/testing-in-ci.md: the GitHub Actions job parses, is in the right order, every `run`
 * is valid bash, and its own start and wait commands bring the mock up here (on a free
 * port: DINHDANH_MOCK_PORT=0, the wait step's URL pointed at it). The msw way, the other
 * half of the guide, is test/docs/app.test.ts: vitest runs it like any test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { blocksOf, ROOT } from './docs/check/blocks';

const WORKFLOW = 'tests/integration/test/docs/ci/github-actions.yml';
const GUIDE = 'docs/testing-in-ci.md';

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, string>>;
}
interface Workflow {
  readonly jobs: Readonly<Record<string, { readonly 'runs-on': string; readonly steps: Step[] }>>;
}

const workflow = parse(readFileSync(join(ROOT, WORKFLOW), 'utf8')) as Workflow;
const steps = workflow.jobs.test?.steps ?? [];
const find = (test: (step: Step) => boolean): number => steps.findIndex(test);
const startAt = find((s) => s.run?.includes('dinhdanh-mock-idp') === true);
const waitAt = find((s) => s.run?.includes('curl') === true);
const testAt = find((s) => s.run === 'npm test');
const mockHelp = spawnSync(
  process.execPath,
  [join(ROOT, 'packages/mock-idp/bin/dinhdanh-mock-idp.js'), '--help'],
  { encoding: 'utf8' },
).stdout;

describe(`${GUIDE}: the GitHub Actions job`, () => {
  it('the guide embeds the workflow file, and the msw test file', () => {
    const files = blocksOf(GUIDE).flatMap((block) => (block.file ? [block.file] : []));
    expect(files).toEqual(
      expect.arrayContaining([WORKFLOW, 'tests/integration/test/docs/app.test.ts']),
    );
  });

  it('checks out, sets up Node 20, installs, starts the mock, waits for it, then tests', () => {
    const checkout = find((s) => s.uses?.startsWith('actions/checkout@') === true);
    const node = find((s) => s.uses?.startsWith('actions/setup-node@') === true);
    const install = find((s) => s.run === 'npm ci');
    const order = [checkout, node, install, startAt, waitAt, testAt];
    expect(order[0]).toBeGreaterThanOrEqual(0);
    expect(
      [...order].sort((a, b) => a - b),
      `step order ${order.join(', ')}`,
    ).toEqual(order);
    expect(new Set(order).size).toBe(order.length);
    expect(steps[node]?.with?.['node-version']).toBe(20);
    expect(steps[startAt]?.run?.trim().endsWith('&')).toBe(true); // in the background
  });

  it('the tests get the mock issuer and the development client the mock registers', () => {
    const env = steps[testAt]?.env ?? {};
    expect(steps[waitAt]?.run).toContain(`${env.DINHDANH_ISSUER}/.well-known/openid-configuration`);
    expect(mockHelp).toContain(`client_id ${env.DINHDANH_CLIENT_ID}`);
    expect(mockHelp).toContain(`client_secret ${env.DINHDANH_CLIENT_SECRET}`);
    expect(env.SESSION_SECRET?.length).toBeGreaterThanOrEqual(32);
  });

  it("every flag the job gives the mock is one the mock's CLI has", () => {
    const flags = steps[startAt]?.run?.match(/--[a-z-]+/g) ?? [];
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(mockHelp, flag).toContain(`${flag} `);
  });

  it.each(steps.flatMap((s) => (s.run ? [[s.name ?? s.run, s.run] as const] : [])))(
    'run step "%s" is valid bash',
    (_name, script) => {
      const check = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
      expect(check.stderr).toBe('');
      expect(check.status).toBe(0);
    },
  );

  it("the job's own start and wait commands bring the mock up", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dinhdanh-ci-'));
    // As after `npm ci` in a project that has @dinhdanh/mock-idp as a devDependency.
    symlinkSync(join(ROOT, 'tests/integration/node_modules'), join(dir, 'node_modules'));
    const start = steps[startAt]!.run!.trim().replace(/&$/, '');
    const mock = spawn('bash', ['-c', start], {
      cwd: dir,
      env: { ...process.env, DINHDANH_MOCK_PORT: '0' },
      detached: true, // its own process group, so the whole npx → node chain is stopped below
      stdio: 'ignore',
    });
    try {
      let issuer: string | undefined;
      for (let i = 0; i < 300 && issuer === undefined; i += 1) {
        await sleep(100);
        const log = (() => {
          try {
            return readFileSync(join(dir, 'mock-idp.log'), 'utf8');
          } catch {
            return '';
          }
        })();
        issuer = /issuer\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(log)?.[1];
      }
      expect(issuer, 'the mock printed its issuer').toBeDefined();
      const wait = steps[waitAt]!.run!.replace('http://127.0.0.1:9400', issuer!);
      const waited = spawnSync('bash', ['-c', wait], { encoding: 'utf8', timeout: 60_000 });
      expect(waited.stderr).toBe('');
      expect(waited.status).toBe(0);
    } finally {
      if (mock.pid !== undefined) process.kill(-mock.pid, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
