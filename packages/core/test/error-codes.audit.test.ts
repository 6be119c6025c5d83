// Every code docs/errors.md documents is provoked by a test somewhere in the workspace
// that asserts it by name: a code nobody can provoke, or that no test checks, fails here.
// (errors.test.ts keeps docs/errors.md and ERROR_CODES themselves in step.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@dinhdanh/core';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SELF = ['error-codes.audit.test.ts', 'errors.test.ts'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) && !SELF.includes(entry.name) ? [path] : [];
  });
}

/**
 * Documented codes core itself never raises today, and why. The list must stay exact: a
 * code raised and tested leaves it, a code that stops being tested cannot hide in it.
 */
const NOT_RAISED_BY_CORE: Readonly<Record<string, string>> = {
  qr_denied: 'pollQrLogin and the QR poll handler report a denial as status "denied"',
};

describe('docs/errors.md audit', () => {
  const sources = [...testFiles(join(ROOT, 'packages')), ...testFiles(join(ROOT, 'tests'))].map(
    (file) => readFileSync(file, 'utf8'),
  );

  const asserted = (code: string) => {
    const literal = new RegExp(`['"\`]${code}['"\`]`);
    return sources.some((source) => literal.test(source) && source.includes('expect'));
  };

  it.each(Object.keys(ERROR_CODES).filter((code) => !(code in NOT_RAISED_BY_CORE)))(
    '%s is asserted by a test',
    (code) => {
      expect(asserted(code)).toBe(true);
    },
  );

  it('the codes core does not raise are exactly the listed ones, and docs/errors.md says so', () => {
    const doc = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
    for (const code of Object.keys(NOT_RAISED_BY_CORE)) {
      expect(code in ERROR_CODES).toBe(true);
      expect(asserted(code)).toBe(false);
      expect(doc).toMatch(new RegExp(`\\| \`${code}\` +\\| \\d{3} +\\| \\(not raised by core\\)`));
    }
  });
});
