import type { Options } from 'tsup';

/** One build recipe for every package: ESM + CJS + declarations, for Node 20.19+ and the web. */
export function library(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
