/**
 * Docs snippets compile (STYLE.md conventions 7 and 11): every ```ts block of docs/*.md,
 * packages/core/README.md and the root README.md is typechecked with the TypeScript
 * compiler against the workspace sources. A block preceded by `<!-- snippet: <path> -->` must equal that
 * file byte for byte; those files run end to end in
 * tests/integration/test/docs.snippets-run.test.ts. Other blocks are compiled as they
 * are, each as its own module; a fragment's free names are declared by a
 * `<!-- context: declare const rp: RelyingParty; -->` comment right before it, or, in
 * guides whose authors did not add one, in CONTEXT below.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// Blocks are compiled as if they were files here (nothing is written to disk); libraries
// a block imports (msw, redis, openid-client, playwright-core) resolve from core's and
// the mock's node_modules.
const VIRTUAL_DIR = join(ROOT, 'packages/core/.docs-snippets');

/**
 * Free names of blocks that show a fragment (`block` numbers count ```ts blocks from 1).
 * A new fragment that needs one fails below with "Cannot find name": declare it here.
 */
const CONTEXT: Readonly<Record<string, string>> = {
  'docs/errors.md#1': 'declare const error: unknown;',
  'docs/identity.md#1':
    'declare const idToken: Record<string, unknown>; declare const userinfo: Record<string, unknown>;',
  'docs/identity.md#2': 'declare const scannedText: string;',
  'docs/mock-idp-cli-and-pages.md#3':
    "declare const page: import('playwright-core').Page; declare const authorizeUrl: string;",
  'docs/vneid-partner.md#1':
    'declare const tokenResponse: Response; declare const userinfoResponse: Response;',
};

interface Snippet {
  /** `docs/x.md#n`. */
  readonly id: string;
  /** Line of the opening fence, 1-based. */
  readonly line: number;
  readonly code: string;
  /** Repository path of the file the block must equal, when marked. */
  readonly file?: string;
  /** Declarations from a `<!-- context: ... -->` comment right before the block. */
  readonly context?: string;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`);
  return [...docs.sort(), 'packages/core/README.md', 'packages/express/README.md', 'README.md'];
}

function extract(path: string): Snippet[] {
  const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
  const snippets: Snippet[] = [];
  let count = 0;
  for (let i = 0; i < lines.length; i += 1) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end += 1;
    count += 1;
    let before = start - 1;
    while (before >= 0 && (lines[before] ?? '').trim() === '') before -= 1;
    const comment = (lines[before] ?? '').trim();
    const marker = /^<!--\s*snippet:\s*(\S+)\s*-->$/.exec(comment);
    const context = /^<!--\s*context:\s*(.+?)\s*-->$/.exec(comment);
    snippets.push({
      id: `${path}#${count}`,
      line: start + 1,
      code: `${lines.slice(start + 1, end).join('\n')}\n`,
      ...(marker?.[1] === undefined ? {} : { file: marker[1] }),
      ...(context?.[1] === undefined ? {} : { context: context[1] }),
    });
    i = end;
  }
  return snippets;
}

const SNIPPETS = markdownFiles().flatMap(extract);

/** A snippet that must NOT compile: proves the checker can fail. */
const CANARY = join(VIRTUAL_DIR, 'canary.ts');
const CANARY_CODE = `import { createRelyingParty } from '@dinhdanh/core';
createRelyingParty({ issuer: 'https://id.example', clientId: 'x', redirectUri: 'https://rp.example/cb', clientAuth: { method: 'client_secret_post' } });
export {};
`;

function virtualPath(snippet: Snippet): string {
  return join(VIRTUAL_DIR, `${snippet.id.replace(/[^A-Za-z0-9]+/g, '_')}.ts`);
}

function pathOf(snippet: Snippet): string {
  return snippet.file === undefined ? virtualPath(snippet) : join(ROOT, snippet.file);
}

/** Typechecks the snippets (and the canary) in one program; diagnostics per file. */
function typecheck(): Map<string, string[]> {
  const virtual = new Map<string, string>([[CANARY, CANARY_CODE]]);
  for (const snippet of SNIPPETS) {
    if (snippet.file !== undefined) continue;
    const context = snippet.context ?? CONTEXT[snippet.id] ?? '';
    // `export {}` keeps every block a module of its own, so names never collide.
    virtual.set(virtualPath(snippet), `${context}\n${snippet.code}export {};\n`);
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
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
      express: ['packages/express/node_modules/@types/express/index.d.ts'],
      '*': [
        'packages/core/node_modules/*',
        'packages/mock-idp/node_modules/*',
        'packages/express/node_modules/*',
      ],
    },
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError, create) => {
    const text = virtual.get(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, onError, create)
      : ts.createSourceFile(file, text, language, true);
  };
  const roots = [...virtual.keys(), ...SNIPPETS.flatMap((s) => (s.file ? [pathOf(s)] : []))];
  const program = ts.createProgram(roots, options, host);
  const byFile = new Map<string, string[]>(roots.map((root) => [root, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    if (file === undefined || !byFile.has(file)) continue;
    const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    byFile.get(file)!.push(`line ${line + 1}: ${message}`);
  }
  return byFile;
}

describe('docs snippets', () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    diagnostics = typecheck();
  }, 120_000);

  it('finds the ts blocks of every guide, the getting-started ones among them', () => {
    expect(SNIPPETS.length).toBeGreaterThan(10);
    const marked = SNIPPETS.filter((s) => s.id.startsWith('docs/getting-started.md') && s.file);
    expect(marked.length).toBeGreaterThanOrEqual(2);
  });

  it('the checker fails a snippet that does not compile', () => {
    expect(diagnostics.get(CANARY)?.join('\n')).toMatch(/client_secret_post/);
  });

  it.each(SNIPPETS.map((s) => [s.id, s] as const))('%s compiles', (_id, snippet) => {
    const problems = diagnostics.get(pathOf(snippet)) ?? ['not compiled'];
    const where = `${snippet.id} (line ${snippet.line}${snippet.file ? `, ${snippet.file}` : ''})`;
    expect(problems, `${where}:\n${problems.join('\n')}`).toEqual([]);
  });

  it.each(SNIPPETS.filter((s) => s.file).map((s) => [s.id, s] as const))(
    '%s is its file, verbatim',
    (_id, snippet) => {
      const file = readFileSync(join(ROOT, snippet.file!), 'utf8');
      expect(snippet.code, `${snippet.id} differs from ${snippet.file}`).toBe(file);
      expect(relative(ROOT, join(ROOT, snippet.file!)).startsWith('..')).toBe(false);
    },
  );
});
