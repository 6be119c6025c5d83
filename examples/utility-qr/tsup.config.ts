import { defineConfig } from 'tsup';

// dist/demo.js is what `pnpm demo` imports; dist/start.js runs the kiosk alone (`pnpm start`).
// The React client is built by Vite into dist/client (`vite build`, or on start when stale).
export default defineConfig({
  entry: { demo: 'src/demo.ts', start: 'src/start.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: false,
  sourcemap: true,
  splitting: true,
});
