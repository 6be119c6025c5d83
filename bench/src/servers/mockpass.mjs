// @opengovsg/mockpass (Singpass v2 / NDI OIDC) in its own process, as its app.js builds
// it but without the request logger (the mock logs nothing either). Its flow: silent
// authorize, token with private_key_jwt, encrypted ID token; no PAR, PKCE or userinfo.
// Prints `READY <issuer>` on stdout.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('@opengovsg/mockpass/package.json'));
const fromMockpass = createRequire(join(root, 'app.js'));
const express = fromMockpass('express');
const { configOIDCv2 } = fromMockpass('./lib/express');

// MockPass logs every login with console.warn/debug/error: silence it, as above.
for (const level of ['log', 'warn', 'debug', 'info', 'error']) console[level] = () => {};

const app = express();
configOIDCv2(app, { showLoginPage: () => false, isStateless: false });
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`READY http://127.0.0.1:${server.address().port}/singpass/v2\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
