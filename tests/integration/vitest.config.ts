import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import { project } from '../../vitest.shared.ts';

const mockSrc = fileURLToPath(new URL('../../packages/mock-idp/src/', import.meta.url));

// The shared config aliases the packages' entry points; the mock's msw subpath is added here.
export default mergeConfig(project('integration'), {
  resolve: {
    alias: [{ find: /^@dinhdanh\/mock-idp\/msw$/, replacement: `${mockSrc}msw.ts` }],
  },
});
