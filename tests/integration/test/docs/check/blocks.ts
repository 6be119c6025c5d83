/**
 * The fenced code blocks of the docs, with the HTML comment right before each. Three
 * markers, each alone on the line before the fence:
 *
 * - `<!-- snippet: path -->`: the block is that repository file, byte for byte (the file is
 *   compiled, and usually run, by a test);
 * - `<!-- context: declare const rp: RelyingParty; -->`: a fragment's free names;
 * - `<!-- unchecked: why -->`: a deliberate fragment no test can check. Rare: the tests cap
 *   their number and want a reason of a few words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));

export interface Block {
  /** `docs/x.md#ts3`: the third ts block of that file (tsx and typescript count as ts). */
  readonly id: string;
  readonly path: string;
  /** `ts`, `tsx`, `json`, `yaml`, `sh`, … as written after the fence; `` for none. */
  readonly lang: string;
  /** Line of the opening fence, 1-based. */
  readonly line: number;
  readonly code: string;
  readonly file?: string;
  readonly context?: string;
  readonly unchecked?: string;
}

/** The docs every check reads: docs/*.md, then the READMEs that carry snippets. */
export function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return [...docs, 'packages/core/README.md', 'packages/express/README.md', 'README.md'];
}

const FAMILY: Readonly<Record<string, string>> = {
  typescript: 'ts',
  tsx: 'ts',
  yml: 'yaml',
  bash: 'sh',
  shell: 'sh',
};

/** The blocks of one markdown file (path relative to the repository root). */
export function blocksOf(path: string, text = readFileSync(join(ROOT, path), 'utf8')): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^```(\w*)\s*$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const lang = open[1] ?? '';
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end += 1;
    const family = FAMILY[lang] ?? lang;
    const n = (counts.get(family) ?? 0) + 1;
    counts.set(family, n);
    let before = i - 1;
    while (before >= 0 && (lines[before] ?? '').trim() === '') before -= 1;
    const comment = (lines[before] ?? '').trim();
    const file = /^<!--\s*snippet:\s*(\S+)\s*-->$/.exec(comment)?.[1];
    const context = /^<!--\s*context:\s*(.+?)\s*-->$/.exec(comment)?.[1];
    const unchecked = /^<!--\s*unchecked:\s*(.*?)\s*-->$/.exec(comment)?.[1];
    blocks.push({
      id: `${path}#${family}${n}`,
      path,
      lang,
      line: i + 1,
      code: `${lines.slice(i + 1, end).join('\n')}\n`,
      ...(file === undefined ? {} : { file }),
      ...(context === undefined ? {} : { context }),
      ...(unchecked === undefined ? {} : { unchecked }),
    });
    i = end;
  }
  return blocks;
}

/** Every block of every doc. */
export function allBlocks(): Block[] {
  return markdownFiles().flatMap((path) => blocksOf(path));
}

export const isTs = (block: Block): boolean => FAMILY[block.lang] === 'ts' || block.lang === 'ts';
