import { mergeConfig } from 'vitest/config';
import { project } from '../../vitest.shared.ts';

// jsdom for the components; the SSR test opts into `node` (no window) with a docblock.
export default mergeConfig(project('react'), {
  test: {
    environment: 'jsdom',
    setupFiles: ['test/support/setup.ts'],
    env: { EXPECTED_REACT_MAJOR: '19' },
  },
});
