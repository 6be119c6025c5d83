/**
 * The React client, built by Vite into `dist/client`. `vite build` does it at build time;
 * `ensureClientBundle()` does it on start when the bundle is missing or older than its
 * sources, so the app also starts when imported from source (the browser tests), with
 * nothing but the workspace packages built.
 *
 * Why a production build rather than Vite's dev server in middleware mode: the pages run
 * under a strict Content-Security-Policy (`script-src 'self'`), which the dev server's
 * inline React-refresh preamble and HMR client would break; and a build, once made, is
 * served as plain static files, so the tests exercise exactly what a deployment serves.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';

/** The example's folder (this file is in `src/` or, bundled, in `dist/`). */
export const EXAMPLE_DIR = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_SRC = join(EXAMPLE_DIR, 'client');
/** Where the built client is served from. */
export const CLIENT_DIST = join(EXAMPLE_DIR, 'dist', 'client');
const STAMP = '.sources-sha256';

/** Writes the sources' digest beside the bundle, so a start knows whether it is current. */
function stampSources(): Plugin {
  let outDir = CLIENT_DIST;
  return {
    name: 'stamp-sources',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      writeFileSync(join(outDir, STAMP), sourcesDigest());
    },
  };
}

/** Vite's options (`vite.config.ts`): `vite build` at build time and on start. */
export function viteOptions(): UserConfig {
  return {
    root: CLIENT_SRC,
    base: '/',
    logLevel: 'warn',
    plugins: [react(), stampSources()],
    build: {
      outDir: CLIENT_DIST,
      emptyOutDir: true,
      // Nothing inlined as data: URLs; every asset is a file the CSP allows ('self').
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
    },
  };
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** A digest of what the bundle is made of: the client's sources and the shared modules it imports. */
function sourcesDigest(): string {
  const hash = createHash('sha256');
  const inputs = [
    ...files(CLIENT_SRC),
    join(EXAMPLE_DIR, 'src', 'requests.ts'),
    join(EXAMPLE_DIR, 'package.json'),
  ].sort();
  for (const file of inputs) {
    if (!existsSync(file)) continue;
    hash.update(file.slice(EXAMPLE_DIR.length)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex');
}

/**
 * `vite build` in a child process with NODE_ENV=production: the caller may run under
 * NODE_ENV=test (vitest), which would give a development React, and the build must not
 * change the caller's environment.
 */
function viteBuild(outDir: string): Promise<void> {
  const vite = join(EXAMPLE_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(EXAMPLE_DIR, 'vite.config.ts'), '--outDir', outDir];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: EXAMPLE_DIR,
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`vite build failed (${String(code)}): ${errors}`)),
    );
  });
}

/** Builds the client into {@link CLIENT_DIST} unless a bundle of the same sources is there. */
export async function ensureClientBundle(): Promise<string> {
  const digest = sourcesDigest();
  const stamp = join(CLIENT_DIST, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return CLIENT_DIST;
  // Built beside and renamed into place: a concurrent reader never sees half a bundle.
  const staging = `${CLIENT_DIST}.${String(process.pid)}.tmp`;
  await viteBuild(staging);
  rmSync(CLIENT_DIST, { recursive: true, force: true });
  renameSync(staging, CLIENT_DIST);
  return CLIENT_DIST;
}
