// @vitest-environment node
/**
 * The browser bundle carries no core runtime: the built entry imports only React, the
 * lazily loaded QR encoder and `@dinhdanh/core/data`, which itself imports nothing.
 * Reads the built files (`pnpm build` runs before the tests).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as Data from '@dinhdanh/core/data';

const built = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

function specifiers(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found].sort();
}

describe('built bundle', () => {
  for (const file of ['../dist/index.js', '../dist/index.cjs']) {
    it(`${file} imports React, uqr and @dinhdanh/core/data only`, () => {
      expect(specifiers(built(file))).toEqual([
        '@dinhdanh/core/data',
        'react',
        'react/jsx-runtime',
        'uqr',
      ]);
    });
  }

  for (const file of ['../../core/dist/data.js', '../../core/dist/data.cjs']) {
    it(`core's ${file} imports nothing`, () => {
      const code = built(file);
      expect(specifiers(code)).toEqual([]);
      expect(code).toContain('Personal ID number');
    });
  }

  it('core/data carries core’s attribute catalogue and level names', async () => {
    const data = (await import(
      fileURLToPath(new URL('../../core/dist/data.js', import.meta.url))
    )) as typeof Data;
    const core = await import('@dinhdanh/core');
    expect(data.ATTRIBUTES).toEqual(core.ATTRIBUTES);
    expect(data.LEVELS).toEqual(core.LEVELS);
    expect(data.LEVEL_NAMES[2].vi).toBe('Mức độ 2');
  });
});
