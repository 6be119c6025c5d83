/**
 * The docs' other blocks: ```json parses, ```yaml parses, ```sh is valid bash (`bash -n`),
 * and a block marked `<!-- snippet: path -->` is that file verbatim, whatever its language.
 * Blocks with no language are program output and are not checked. The opt-out
 * `<!-- unchecked: why -->` is counted here across every language.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { allBlocks, blocksOf, isTs, ROOT, type Block } from './docs/check/blocks';

/** How many `<!-- unchecked: … -->` blocks all the docs together may have. */
const MAX_UNCHECKED = 3;

const BLOCKS = allBlocks();
const checked = (lang: string): Block[] =>
  BLOCKS.filter((b) => b.unchecked === undefined && b.lang === lang);

function bashSyntax(code: string): string {
  const check = spawnSync('bash', ['-n'], { input: code, encoding: 'utf8' });
  return check.status === 0 ? '' : check.stderr;
}

function yamlErrors(code: string): string {
  return parseAllDocuments(code)
    .flatMap((doc) => ('errors' in doc ? doc.errors.map((e) => e.message) : []))
    .join('\n');
}

describe('docs: json, yaml and sh blocks', () => {
  it('knows every language the docs use', () => {
    const known = new Set(['ts', 'tsx', 'typescript', 'json', 'yaml', 'yml', 'sh', 'bash', '']);
    const unknown = BLOCKS.filter((b) => !known.has(b.lang)).map((b) => `${b.id} (${b.lang})`);
    expect(unknown, 'add a check for this language here').toEqual([]);
  });

  it(`deliberate fragments are rare (at most ${MAX_UNCHECKED}) and each says why`, () => {
    const unchecked = BLOCKS.filter((block) => block.unchecked !== undefined);
    expect(unchecked.length).toBeLessThanOrEqual(MAX_UNCHECKED);
    for (const block of unchecked) {
      expect(block.unchecked!.length, `${block.id}: give a reason`).toBeGreaterThanOrEqual(12);
      expect(block.file, `${block.id}: a snippet file is always checked`).toBeUndefined();
    }
  });

  it.each(checked('json').map((b) => [b.id, b] as const))('%s is JSON', (_id, block) => {
    expect(() => JSON.parse(block.code) as unknown, `${block.id} line ${block.line}`).not.toThrow();
  });

  it.each([...checked('yaml'), ...checked('yml')].map((b) => [b.id, b] as const))(
    '%s is YAML',
    (_id, block) => {
      expect(yamlErrors(block.code), `${block.id} line ${block.line}`).toBe('');
    },
  );

  it.each([...checked('sh'), ...checked('bash')].map((b) => [b.id, b] as const))(
    '%s is valid bash',
    (_id, block) => {
      expect(bashSyntax(block.code), `${block.id} line ${block.line}`).toBe('');
    },
  );

  it.each(BLOCKS.filter((b) => b.file && !isTs(b)).map((b) => [b.id, b] as const))(
    '%s is its file, verbatim',
    (_id, block) => {
      expect(block.code).toBe(readFileSync(join(ROOT, block.file!), 'utf8'));
    },
  );

  it('each check fails on a broken block', () => {
    const [json, yaml, sh] = blocksOf(
      'docs/broken.md',
      '```json\n{ "a": 1, }\n```\n```yaml\nkey: [unclosed\n```\n```sh\nif true; then echo\n```\n',
    );
    expect(() => JSON.parse(json!.code) as unknown).toThrow();
    expect(yamlErrors(yaml!.code)).not.toBe('');
    expect(bashSyntax(sh!.code)).toMatch(/syntax error|unexpected end of file/);
  });
});
