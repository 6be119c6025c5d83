import type { Options } from 'tsup';

/**
 * Declarations are most of a build's time; the demo runs JavaScript only and skips them
 * (`DINHDANH_BUILD_TYPES=0`, set by `pnpm demo`). Every other build makes them.
 */
const withTypes = process.env.DINHDANH_BUILD_TYPES !== '0';

/** One build recipe for every package: ESM + CJS + declarations, for Node 20.19+ and the web. */
export function library(entry: Record<string, string>, overrides: Options = {}): Options {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: withTypes,
    clean: withTypes,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
    splitting: false,
    treeshake: true,
    ...overrides,
  };
}
