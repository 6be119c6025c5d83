#!/usr/bin/env node
// A committed entry point, so package managers can link the bin before the first build.
import('../dist/cli.js').then(
  async ({ runCli }) => {
    const code = await runCli();
    // Timers of a stopped provider must not keep the process alive after a signal.
    process.exit(code);
  },
  (error) => {
    if (
      error &&
      error.code === 'ERR_MODULE_NOT_FOUND' &&
      String(error.message).includes('cli.js')
    ) {
      console.error('dinhdanh-mock-idp: not built yet; run `pnpm build` first');
      process.exit(1);
    }
    throw error;
  },
);
