/**
 * `pnpm start`: the app alone on http://127.0.0.1:3003 with the mock identity provider on
 * http://127.0.0.1:9400 (in this process, with this app's client registered). Fresh secrets
 * at each start, so sessions end with the process.
 */
import { randomBytes } from 'node:crypto';
import { startMockIdp } from '@dinhdanh/mock-idp';
import example, { mockClient } from './demo';

const host = '127.0.0.1';
const origin = `http://${host}:${example.port}`;
const secrets = {
  clientSecret: randomBytes(32).toString('base64url'),
  sessionSecret: randomBytes(32).toString('base64url'),
};

const mock = await startMockIdp({
  port: 9400,
  host,
  clients: [mockClient(origin, secrets.clientSecret)],
});
const app = await example.start({ port: example.port, host, issuer: mock.issuer, origin, secrets });
console.log(
  `${example.title}\n  ${app.url}  ${example.tryThis}\n  mock identity provider: ${mock.issuer}\nCtrl-C to stop.`,
);

function stop(): void {
  void Promise.allSettled([app.close(), mock.close()]).then(() => process.exit(0));
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
