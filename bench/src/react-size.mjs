// Bundle size of @dinhdanh/react against react-oidc-context + oidc-client-ts: each entry
// bundled by esbuild the same way in one run (browser, ESM, minified, code splitting so a
// dynamic import becomes its own chunk, React external), then every chunk gzipped (level 9).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, version } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

const CASES = [
  {
    name: '@dinhdanh/react without QrLogin',
    what: 'DinhDanhProvider, useIdentity, LoginButton, RequireLevel, ConsentNotice, usePrefill',
    code: `export { DinhDanhProvider, useIdentity, LoginButton, RequireLevel, ConsentNotice, usePrefill } from '@dinhdanh/react';`,
    target: 5,
    lazy: false,
  },
  {
    name: '@dinhdanh/react with QrLogin',
    what: 'the above + QrLogin (its QR encoder, uqr, in a lazy chunk)',
    code: `export { DinhDanhProvider, useIdentity, LoginButton, RequireLevel, ConsentNotice, usePrefill, QrLogin } from '@dinhdanh/react';`,
    target: 12,
    lazy: true,
  },
  {
    name: 'react-oidc-context 3 + oidc-client-ts 3',
    what: 'AuthProvider, useAuth, withAuthenticationRequired, hasAuthParams',
    code: `export { AuthProvider, useAuth, withAuthenticationRequired, hasAuthParams } from 'react-oidc-context';`,
    lazy: true,
  },
];

const kB = (bytes) => (bytes / 1000).toFixed(1);

async function measure(dir, entry) {
  const file = join(dir, `${entry.name.replace(/\W+/g, '-')}.mjs`);
  await writeFile(file, entry.code);
  const result = await build({
    entryPoints: [file],
    absWorkingDir: here,
    nodePaths: [join(here, '../node_modules')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
    external: ['react', 'react-dom', 'react/jsx-runtime'],
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: join(dir, 'out'),
    write: false,
    metafile: true,
  });
  let initial = 0;
  let lazy = 0;
  let minified = 0;
  // Initial: the entry chunk and every chunk it imports statically; the rest loads lazily.
  const outputs = result.metafile.outputs;
  const initialPaths = new Set();
  const visit = (path) => {
    if (initialPaths.has(path)) return;
    initialPaths.add(path);
    for (const imported of outputs[path].imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  // esbuild lists dynamic-import chunks as entry points too: start from our entry only.
  for (const [path, meta] of Object.entries(outputs)) {
    if (meta.entryPoint !== undefined && resolve(here, meta.entryPoint) === file) visit(path);
  }
  const initialFiles = new Set([...initialPaths].map((path) => resolve(here, path)));
  for (const output of result.outputFiles.filter((o) => o.path.endsWith('.js'))) {
    const size = gzipSync(output.contents, { level: 9 }).byteLength;
    if (initialFiles.has(output.path)) {
      initial += size;
      minified += output.contents.byteLength;
    } else {
      lazy += size;
    }
  }
  // Without QrLogin nothing ever loads the encoder's chunk (esbuild still emits it).
  if (!entry.lazy) lazy = 0;
  return { ...entry, minified, initial, lazy, total: initial + lazy };
}

/** The markdown lines of the bundle-size table. */
export async function reactSizeReport() {
  const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-react-size-'));
  try {
    const rows = [];
    for (const entry of CASES) rows.push(await measure(dir, entry));
    const peer = rows[rows.length - 1];
    return [
      '## @dinhdanh/react bundle size against react-oidc-context',
      '',
      `esbuild ${version}, one run: browser ESM, minified, code splitting, React external, \`NODE_ENV=production\`; every chunk gzipped at level 9 (kB = 1000 bytes). "Initial" is what the page loads; "lazy" what a dynamic import loads when first needed.`,
      '',
      '| bundle | exports | min (initial) | min+gz initial | min+gz lazy | min+gz total | target | vs peer |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.what} | ${kB(r.minified)} kB | ${kB(r.initial)} kB | ${kB(r.lazy)} kB | ${kB(r.total)} kB | ${r.target === undefined ? '' : `≤ ${r.target} kB: ${r.total <= r.target * 1000 ? 'met' : 'MISSED'}`} | ${(r.total / peer.total).toFixed(2)}x |`,
      ),
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
