/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module on purpose */
/** A CommonJS TypeScript module: `require` resolves the packages' `.d.cts` declarations. */
import core = require('@dinhdanh/core');
import data = require('@dinhdanh/core/data');
import mock = require('@dinhdanh/mock-idp');
import adapter = require('@dinhdanh/express');

function levelName(level: core.AssuranceLevel): string {
  return data.LEVEL_NAMES[level].en;
}

async function discoveryOf(): Promise<string> {
  const running = await mock.startMockIdp({ port: 0 });
  try {
    const rp = core.createRelyingParty({
      provider: core.oidc(),
      issuer: running.issuer,
      clientId: 'dinhdanh-dev',
      redirectUri: 'http://localhost:3000/auth/callback',
      clientAuth: { method: 'client_secret_basic', clientSecret: 'x'.repeat(32) },
    });
    return rp.clientId;
  } finally {
    await running.close();
  }
}

const middleware: unknown = adapter.requireIdentity({ level: 1 });

export = { levelName, discoveryOf, middleware };
