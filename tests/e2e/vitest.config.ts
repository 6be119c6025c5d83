import { mergeConfig } from 'vitest/config';
import { project } from '../../vitest.shared.ts';

// A browser and several servers per file: files run one at a time, with room for start-up.
export default mergeConfig(project('e2e'), {
  test: { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false },
});
