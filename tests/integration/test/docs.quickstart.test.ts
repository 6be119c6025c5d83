/**
 * The quickstart's files typecheck as a newcomer's project does: an ESM package
 * (`"type": "module"`), `module: NodeNext`, and @dinhdanh/core resolved as an installed
 * package (its built `exports` and .d.ts, not the workspace sources). Under NodeNext a
 * relative import needs its extension; without it tsc answers TS2835, which the guide
 * once shipped (issue 20). Needs the packages built (`pnpm test` builds first).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { blocksOf } from './docs/check/blocks';

const DIR = fileURLToPath(new URL('./docs/', import.meta.url));
const APP = `${DIR}app.ts`;
const SERVER = `${DIR}server.ts`;
/** The server as the guide first wrote it, beside the real one. */
const EXTENSIONLESS = `${DIR}server-extensionless.ts`;

const QUICKSTARTS = ['docs/quickstart.md', 'docs/quickstart.vi.md'];

/** The tsconfig.json the quickstart tells the reader to save. */
function documentedTsconfig(path: string): unknown {
  const json = blocksOf(path).filter((block) => block.lang === 'json');
  expect(json, `${path}: one json block, the tsconfig`).toHaveLength(1);
  return JSON.parse(json[0]!.code);
}

const documented = documentedTsconfig('docs/quickstart.md') as { compilerOptions: object };
const converted = ts.convertCompilerOptionsFromJson(documented.compilerOptions, DIR);
const OPTIONS: ts.CompilerOptions = {
  ...converted.options,
  // The reader's @types/node sits in their project; ours is at the workspace root.
  typeRoots: [fileURLToPath(new URL('../../../node_modules/@types', import.meta.url))],
};

function diagnostics(files: Record<string, string>): Map<string, ts.Diagnostic[]> {
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile } = host;
  host.fileExists = (file) => file in files || fileExists.call(host, file);
  host.readFile = (file) => files[file] ?? readFile.call(host, file);
  const program = ts.createProgram([APP, SERVER, ...Object.keys(files)], OPTIONS, host);
  const byFile = new Map<string, ts.Diagnostic[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const name = diagnostic.file?.fileName ?? '(global)';
    byFile.set(name, [...(byFile.get(name) ?? []), diagnostic]);
  }
  return byFile;
}

const text = (list: readonly ts.Diagnostic[] = []): string =>
  list.map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`).join('\n');

describe('quickstart files in an ESM TypeScript project (NodeNext)', () => {
  const server = readFileSync(SERVER, 'utf8');
  const found = diagnostics({ [EXTENSIONLESS]: server.replace("'./app.js'", "'./app'") });

  it('the documented tsconfig.json is NodeNext, the same in both languages', () => {
    expect(converted.errors).toEqual([]);
    expect(OPTIONS.module).toBe(ts.ModuleKind.NodeNext);
    expect(documentedTsconfig('docs/quickstart.vi.md')).toEqual(documented);
  });

  it('app.ts and server.ts compile against the installed packages', () => {
    expect(text(found.get(APP))).toBe('');
    expect(text(found.get(SERVER))).toBe('');
    expect(text(found.get('(global)'))).toBe('');
  });

  it("`import { app } from './app'` is TS2835 there, so the docs never write it", () => {
    expect(found.get(EXTENSIONLESS)?.map((d) => d.code)).toEqual([2835]);
    for (const path of [...QUICKSTARTS, 'docs/getting-started.md']) {
      for (const block of blocksOf(path)) {
        for (const [, target] of block.code.matchAll(/from '(\.[^']*)'/g)) {
          expect(target, block.id).toMatch(/\.(js|mjs|cjs|json)$/);
        }
      }
    }
  });

  it('the quickstarts embed both files and say to install tsx before running it', () => {
    for (const path of [...QUICKSTARTS, 'docs/getting-started.md']) {
      const files = blocksOf(path).flatMap((block) => (block.file ? [block.file] : []));
      expect(files, path).toEqual(
        expect.arrayContaining([
          'tests/integration/test/docs/app.ts',
          'tests/integration/test/docs/server.ts',
        ]),
      );
      const shell = blocksOf(path)
        .filter((block) => block.lang === 'sh')
        .map((block) => block.code)
        .join('\n');
      const install = shell.indexOf('npm install --save-dev tsx');
      expect(install, `${path} installs tsx`).toBeGreaterThanOrEqual(0);
      expect(shell.indexOf('npx tsx server.ts'), path).toBeGreaterThan(install);
    }
  });
});
