import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import react from '../../packages/react/vitest.config.ts';

/**
 * @dinhdanh/react's own tests, run again on React 18: every React module (and the testing
 * library and react-hook-form built against it) resolves from this package, whose
 * dependencies are React 18, so no React 19 module is loaded alongside.
 */
const local = createRequire(import.meta.url);
const exact = (name: string) => ({
  find: new RegExp(`^${name.replace(/[/]/g, '\\/')}$`),
  replacement: local.resolve(name),
});

export default mergeConfig(react, {
  resolve: {
    alias: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom',
      'react-dom/client',
      'react-dom/server',
      'react-dom/test-utils',
      '@testing-library/react',
      'react-hook-form',
    ].map(exact),
  },
  test: {
    name: 'react18',
    root: fileURLToPath(new URL('../../packages/react/', import.meta.url)),
    env: { EXPECTED_REACT_MAJOR: '18' },
  },
});
