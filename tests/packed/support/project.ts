import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from './run';

const workspace = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('../', import.meta.url));

/** The published packages, as their folders under packages/ and their names. */
export const PUBLISHED = {
  core: '@dinhdanh/core',
  'mock-idp': '@dinhdanh/mock-idp',
  express: '@dinhdanh/express',
  react: '@dinhdanh/react',
} as const;

/** What the packed project installs beside the tarballs: the peers and the types it checks. */
const BESIDE = ['express', 'react', 'msw', '@types/express', '@types/node', '@types/react'];

interface Manifest {
  readonly version: string;
  readonly exports: Record<string, unknown>;
  readonly devDependencies: Record<string, string>;
}

/** A package.json of the workspace (`packages/core`, `tests/packed`). */
export async function manifest(folder: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(workspace, folder, 'package.json'), 'utf8')) as Manifest;
}

/** Every package's `dist` must be there: this test packs what `pnpm test` built. */
async function assertBuilt(): Promise<void> {
  for (const folder of Object.keys(PUBLISHED)) {
    const dist = await readdir(join(workspace, 'packages', folder, 'dist')).catch(() => []);
    if (dist.length === 0) throw new Error(`packages/${folder}/dist is empty: run pnpm build`);
  }
}

/** A fresh project outside the workspace with the packed packages installed by npm. */
export interface PackedProject {
  readonly dir: string;
  /** Seconds each step took, for the report. */
  readonly seconds: { readonly pack: number; readonly install: number };
  /** Removes the project and the tarballs. */
  remove(): Promise<void>;
}

const since = (start: number) => Math.round((performance.now() - start) / 100) / 10;

/**
 * `pnpm pack` for every published package (workspace: ranges become versions), then a
 * new npm project in the OS temp folder (nothing resolves into the workspace from there)
 * with the tarballs, the peers and the consumer sources of tests/packed/consumer.
 */
export async function createPackedProject(): Promise<PackedProject> {
  await assertBuilt();
  const root = await mkdtemp(join(tmpdir(), 'dinhdanh-packed-'));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    const tarballs = join(root, 'tarballs');
    const dir = join(root, 'app');
    await mkdir(dir, { recursive: true });
    let start = performance.now();
    const filter = Object.keys(PUBLISHED).map((folder) => `--filter=./packages/${folder}`);
    await run('npx', ['-y', 'pnpm@10', '-r', ...filter, 'pack', '--pack-destination', tarballs], {
      cwd: workspace,
      timeoutMs: 60_000,
    });
    const pack = since(start);
    const packed = (await readdir(tarballs)).filter((name) => name.endsWith('.tgz'));
    if (packed.length !== Object.keys(PUBLISHED).length) {
      throw new Error(`pnpm pack made ${packed.join(', ')}`);
    }

    const ranges = (await manifest('tests/packed')).devDependencies;
    const beside = BESIDE.map((name) => `${name}@${ranges[name]}`);
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'packed-consumer', private: true, type: 'module' }),
    );
    await cp(join(here, 'consumer'), dir, { recursive: true });
    start = performance.now();
    const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
    await run('npm', [...install, ...packed.map((name) => join(tarballs, name)), ...beside], {
      cwd: dir,
      timeoutMs: 150_000,
    });
    return { dir, seconds: { pack, install: since(start) }, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * Writes a strict tsconfig for the consumer sources with `options` and checks it with the
 * workspace's TypeScript (support/typecheck.mjs: our declarations included).
 */
export async function typecheck(
  dir: string,
  name: string,
  options: Record<string, unknown>,
): Promise<string> {
  const config = {
    compilerOptions: {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      target: 'ES2022',
      lib: ['ES2023', 'DOM'],
      jsx: 'react-jsx',
      types: ['node'],
      ...options,
    },
    include: ['*.ts', '*.tsx', '*.cts'],
  };
  await writeFile(join(dir, name), JSON.stringify(config, null, 2));
  const { stdout } = await run(process.execPath, [join(here, 'support/typecheck.mjs'), name], {
    cwd: dir,
    timeoutMs: 150_000,
  });
  return stdout;
}
