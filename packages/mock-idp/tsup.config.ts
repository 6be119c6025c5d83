import { defineConfig } from 'tsup';
import { library } from '../../tsup.shared.ts';

export default defineConfig([
  library({ index: 'src/index.ts', msw: 'src/msw.ts' }, { platform: 'node' }),
  {
    // The CLI is one self-contained file: resolving and loading zod's, jose's and core's
    // many modules at start cost about a third of the start-to-ready time.
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
    splitting: false,
    noExternal: ['zod', 'jose', '@dinhdanh/core'],
  },
]);
