import { defineConfig } from 'tsup';

// dist/demo.js is what `pnpm demo` imports; dist/start.js runs the bank alone (`pnpm start`).
export default defineConfig({
  entry: { demo: 'src/demo.ts', start: 'src/start.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  splitting: true,
});
