import { defineConfig } from 'tsup';
import { library } from '../../tsup.shared.ts';

export default defineConfig(
  library(
    {
      index: 'src/index.ts',
      'vneid-partner': 'src/vneid-partner/index.ts',
      node: 'src/node/index.ts',
      data: 'src/data/index.ts',
    },
    {
      // Keep `node:crypto` as written in the vneid-partner subpath: Deno resolves only the
      // prefixed name, and edge bundlers recognise it as a platform module.
      removeNodeProtocol: false,
      // Bundle the tree-shaken `zod/mini` code core uses: importing all of zod costs more
      // than the rest of core at start-up. zod stays a dependency for the declarations.
      noExternal: [/^zod(\/|$)/],
    },
  ),
);
