import { mergeConfig } from 'vitest/config';
import { project } from '../../vitest.shared.ts';

// One project installed from tarballs, shared by every test of the file: room for the
// pack and the npm install in the hook (bounded there per command), a login per test.
export default mergeConfig(project('packed'), {
  test: { testTimeout: 180_000, hookTimeout: 240_000 },
});
