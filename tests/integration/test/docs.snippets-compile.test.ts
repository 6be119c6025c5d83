/**
 * Every ```ts / ```tsx block of docs/*.md and of the READMEs with snippets compiles
 * (STYLE.md conventions 7 and 11), typechecked against the workspace sources. A new block
 * in any doc is checked with no change here. Markers (test/docs/check/blocks.ts):
 * `<!-- snippet: path -->` (the block is that file, verbatim: run by other tests),
 * `<!-- context: declarations -->` (a fragment's free names), `<!-- unchecked: why -->`
 * (a deliberate fragment: rare, capped in docs.snippets-data.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, blocksOf, isTs, ROOT, type Block } from './docs/check/blocks';
import { extraPath, pathOf, typecheck } from './docs/check/typecheck';

/** Free names of fragments in docs whose owners did not add a context comment. */
const CONTEXT: Readonly<Record<string, string>> = {
  'docs/errors.md#ts1': 'declare const error: unknown;',
  'docs/identity.md#ts1':
    'declare const idToken: Record<string, unknown>; declare const userinfo: Record<string, unknown>;',
  'docs/identity.md#ts2': 'declare const scannedText: string;',
  'docs/mock-idp-cli-and-pages.md#ts3':
    "declare const page: import('playwright-core').Page; declare const authorizeUrl: string;",
  'docs/vneid-partner.md#ts1':
    'declare const tokenResponse: Response; declare const userinfoResponse: Response;',
};
const contextOf = (block: Block): string => block.context ?? CONTEXT[block.id] ?? '';

const TS_BLOCKS = allBlocks().filter(isTs);
const CHECKED = TS_BLOCKS.filter((block) => block.unchecked === undefined);

/** A doc as someone might write it: one good block, one that must fail. */
const BROKEN_DOC = [
  '# A new guide',
  '```ts',
  "import { redact } from '@dinhdanh/core';",
  "console.log(redact('001090012345'));",
  '```',
  '```ts',
  "import { createRelyingParty } from '@dinhdanh/core';",
  "createRelyingParty({ issuer: 'https://id.example', clientId: 'x', redirectUri: 'https://rp.example/cb', clientAuth: { method: 'client_secret_post' } });",
  '```',
].join('\n');
const BROKEN = blocksOf('docs/new-guide.md', BROKEN_DOC);

describe('docs: every ts block compiles', () => {
  let diagnostics: Map<string, string[]>;
  beforeAll(() => {
    diagnostics = typecheck([...CHECKED, ...BROKEN], contextOf, new Map());
  }, 120_000);

  it('finds the ts blocks of every guide, the getting-started ones among them', () => {
    expect(TS_BLOCKS.length).toBeGreaterThan(30);
    const marked = TS_BLOCKS.filter((b) => b.path === 'docs/getting-started.md' && b.file);
    expect(marked.length).toBeGreaterThanOrEqual(2);
    expect(TS_BLOCKS.some((b) => b.lang === 'tsx')).toBe(true);
  });

  it('a new doc with a block that does not compile fails, and names the block', () => {
    const [good, bad] = BROKEN.map((block) => diagnostics.get(pathOf(block)));
    expect(good).toEqual([]);
    expect(bad?.join('\n')).toMatch(/TS2322.*client_secret_post|client_secret_post/s);
  });

  it.each(CHECKED.map((b) => [b.id, b] as const))('%s compiles', (_id, block) => {
    const problems = diagnostics.get(pathOf(block)) ?? ['not compiled'];
    const where = `${block.id} (line ${block.line}${block.file ? `, ${block.file}` : ''})`;
    expect(problems, `${where}:\n${problems.join('\n')}`).toEqual([]);
  });

  it.each(TS_BLOCKS.filter((b) => b.file).map((b) => [b.id, b] as const))(
    '%s is its file, verbatim',
    (_id, block) => {
      const file = readFileSync(join(ROOT, block.file!), 'utf8');
      expect(block.code, `${block.id} differs from ${block.file}`).toBe(file);
    },
  );
});

describe('the compile check itself', () => {
  it('reports a fragment whose context is missing', () => {
    const [block] = blocksOf('docs/x.md', '```ts\nconsole.log(rp.issuer);\n```\n');
    const found = typecheck([block!], () => '', new Map([['extra.ts', 'export {};\n']]));
    expect(found.get(pathOf(block!))?.join('\n')).toMatch(/TS2304 Cannot find name 'rp'/);
    expect(found.get(extraPath('extra.ts'))).toEqual([]);
  });
});
