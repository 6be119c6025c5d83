/**
 * Links between the docs resolve: every relative link of docs/*.md and the READMEs names
 * a file that exists and, with `#anchor`, a heading of that file (GitHub's slugs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownFiles, ROOT } from './docs/check/blocks';

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** The text outside code blocks and inline code, where links are links. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function anchorsOf(path: string): Set<string> {
  const outsideFences = readFileSync(path, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  const headings = outsideFences
    .split('\n')
    .flatMap((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? []);
  return new Set(headings.map((heading) => slug(heading.replace(/`/g, ''))));
}

const LINKS = markdownFiles().flatMap((path) =>
  [...prose(readFileSync(join(ROOT, path), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => [path, target] as const),
);

describe('docs: links resolve', () => {
  it('finds the links', () => {
    expect(LINKS.length).toBeGreaterThan(50);
  });

  it('a heading slug is what GitHub makes of it', () => {
    expect(slug('Levels (mức độ định danh điện tử)')).toBe('levels-mức-độ-định-danh-điện-tử');
    expect(slug('1. Get the packages')).toBe('1-get-the-packages');
    expect(slug('Named login requests, login_hint and onLogin')).toBe(
      'named-login-requests-login_hint-and-onlogin',
    );
  });

  it.each(LINKS)('%s → %s', (from, target) => {
    const [file = '', anchor] = target.split('#');
    const path = file === '' ? join(ROOT, from) : join(dirname(join(ROOT, from)), file);
    expect(existsSync(path), `${relative(ROOT, path)} exists`).toBe(true);
    if (anchor !== undefined && path.endsWith('.md')) {
      expect([...anchorsOf(path)], `#${anchor} in ${relative(ROOT, path)}`).toContain(anchor);
    }
  });
});
