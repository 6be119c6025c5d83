/**
 * "No personal data anywhere" (issue 21), the parts that are not in a running test:
 * snapshots on disk and inline, across the repository; and a check that the suite-wide
 * guard (vitest.privacy-guard.ts) is installed, so unregistering it fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DinhDanhError } from '@dinhdanh/core';
import { personalDataIn } from '../../../../vitest.personal-data';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage', 'api']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every snapshot: `.snap` files, and the literals of toMatchInlineSnapshot calls. */
function snapshots(): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  for (const path of files(ROOT)) {
    const where = relative(ROOT, path);
    if (path.endsWith('.snap')) found.push({ where, text: readFileSync(path, 'utf8') });
    else if (/\.test\.tsx?$/.test(path)) {
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/toMatchInlineSnapshot\(\s*(`(?:\\.|[^`])*`)/g)) {
        found.push({ where, text: match[1]! });
      }
    }
  }
  return found;
}

describe('no personal data anywhere', () => {
  it('no snapshot holds an ID number, phone, e-mail address or JWT', () => {
    const leaks = snapshots()
      .map(({ where, text }) => ({ where, kinds: personalDataIn(text) }))
      .filter(({ kinds }) => kinds.length > 0);
    expect(leaks).toEqual([]);
  });

  it('the scanner sees each kind, and not its redacted form', () => {
    expect(personalDataIn('pid 001090481516')).toEqual(['personal ID number']);
    expect(personalDataIn('cmnd 123456789')).toEqual(['legacy ID number']);
    expect(personalDataIn('call +84 912 345 678')).toEqual(['phone number']);
    expect(personalDataIn('mai.tran@example.vn')).toEqual(['email address']);
    expect(personalDataIn('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toEqual(['jwt']);
    expect(
      personalDataIn('*********516 ******678 m***@example.vn [redacted jwt] exp 1790000000'),
    ).toEqual([]);
  });

  it('the suite-wide guard is installed: DinhDanhError is wrapped, console watched', () => {
    const wrapped = Object.getPrototypeOf(DinhDanhError) as { name?: string };
    expect(wrapped.name).toBe('DinhDanhError'); // the guard's subclass extends the real class
    expect(new DinhDanhError('input_invalid', 'x')).toBeInstanceOf(wrapped as never);
    expect(Reflect.get(globalThis, Symbol.for('dinhdanh.privacyGuard'))).toBe(true);
  });
});
