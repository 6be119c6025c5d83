import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/** Fails a test when the SDK logs, or puts in an error, personal data or a token (issue 21). */
const privacyGuard = fileURLToPath(new URL('./vitest.privacy-guard.ts', import.meta.url));

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/`, import.meta.url));

/**
 * Tests import workspace packages from source, so a change in core is seen by the
 * mock's and the integration tests without a rebuild. Built output is checked by
 * publint/attw and by the tests that run a package's CLI as a process.
 */
export function project(name: string) {
  return defineProject({
    resolve: {
      alias: [
        { find: /^@dinhdanh\/core$/, replacement: `${src('core')}index.ts` },
        { find: /^@dinhdanh\/core\/(.+)$/, replacement: `${src('core')}$1/index.ts` },
        { find: /^@dinhdanh\/mock-idp$/, replacement: `${src('mock-idp')}index.ts` },
        { find: /^@dinhdanh\/express$/, replacement: `${src('express')}index.ts` },
        { find: /^@dinhdanh\/react$/, replacement: `${src('react')}index.ts` },
      ],
    },
    test: {
      name,
      include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
      testTimeout: 20_000,
      setupFiles: [privacyGuard],
    },
  });
}
