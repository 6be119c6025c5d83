/**
 * Typechecks doc blocks with the TypeScript compiler, in one program, against the
 * workspace sources: nothing is written to disk.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, type Block } from './blocks';

/** Blocks are compiled as if they were files here, so tests/integration's deps resolve. */
const VIRTUAL_DIR = join(ROOT, 'tests/integration/.docs-snippets');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules/@types')],
  baseUrl: ROOT,
  paths: {
    '@dinhdanh/core': ['packages/core/src/index.ts'],
    '@dinhdanh/core/*': ['packages/core/src/*/index.ts'],
    '@dinhdanh/mock-idp': ['packages/mock-idp/src/index.ts'],
    '@dinhdanh/mock-idp/msw': ['packages/mock-idp/src/msw.ts'],
    '@dinhdanh/express': ['packages/express/src/index.ts'],
    '@dinhdanh/react': ['packages/react/src/index.ts'],
    express: ['packages/express/node_modules/@types/express/index.d.ts'],
    react: ['packages/react/node_modules/@types/react/index.d.ts'],
    'react/jsx-runtime': ['packages/react/node_modules/@types/react/jsx-runtime.d.ts'],
    '*': [
      'tests/integration/node_modules/*',
      'packages/core/node_modules/*',
      'packages/mock-idp/node_modules/*',
      'packages/express/node_modules/*',
      'packages/react/node_modules/*',
    ],
  },
};

/** Where a block is compiled: its own file when it is one, else a virtual module. */
export function pathOf(block: Block): string {
  if (block.file !== undefined) return join(ROOT, block.file);
  const ext = block.lang === 'tsx' ? 'tsx' : 'ts';
  return join(VIRTUAL_DIR, `${block.id.replace(/[^A-Za-z0-9]+/g, '_')}.${ext}`);
}

/**
 * Diagnostics per block path (and per extra virtual file, for canaries). A fragment is
 * compiled after its declarations; `export {}` keeps every block a module of its own.
 */
export function typecheck(
  blocks: readonly Block[],
  contextOf: (block: Block) => string,
  extra: ReadonlyMap<string, string> = new Map(),
): Map<string, string[]> {
  const virtual = new Map<string, string>();
  for (const [name, code] of extra) virtual.set(join(VIRTUAL_DIR, name), code);
  for (const block of blocks) {
    if (block.file !== undefined) continue;
    virtual.set(pathOf(block), `${contextOf(block)}\n${block.code}export {};\n`);
  }
  const host = ts.createCompilerHost(OPTIONS);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = virtual.get(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, onError, create)
      : ts.createSourceFile(file, text, language, true);
  };
  const roots = [...new Set([...virtual.keys(), ...blocks.map(pathOf)])];
  const program = ts.createProgram(roots, OPTIONS, host);
  const byFile = new Map<string, string[]>(roots.map((root) => [root, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    if (file === undefined || !byFile.has(file)) continue;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    byFile.get(file)!.push(`line ${line + 1}: TS${diagnostic.code} ${message}`);
  }
  return byFile;
}

/** The virtual path of an extra file given to {@link typecheck}. */
export const extraPath = (name: string): string => join(VIRTUAL_DIR, name);
