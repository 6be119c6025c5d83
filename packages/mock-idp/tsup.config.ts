import { defineConfig } from 'tsup';
import { library } from '../../tsup.shared.ts';

export default defineConfig([
  library({ index: 'src/index.ts', msw: 'src/msw.ts' }, { platform: 'node' }),
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    clean: false,
  },
]);
