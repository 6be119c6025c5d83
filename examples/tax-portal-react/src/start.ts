/**
 * `pnpm start`: the portal alone on http://127.0.0.1:3002 with its own mock provider on
 * http://127.0.0.1:9400, which registers the portal's DVCQG client (the mock's development
 * client speaks the standard dialect). Fresh secrets each start: sessions end on restart.
 */
import { randomBytes } from 'node:crypto';
import { startMockIdp, type StartMockIdpOptions } from '@dinhdanh/mock-idp';
import taxPortal from './demo';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? taxPortal.port);
const origin = `http://${host}:${String(port)}`;
const secrets = {
  clientSecret: randomBytes(32).toString('base64url'),
  sessionSecret: process.env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
};
const mock = await startMockIdp({
  port: 9400,
  host,
  clients: (await taxPortal.mockClients(origin, secrets)) as StartMockIdpOptions['clients'],
});
const app = await taxPortal.start({ port, host, issuer: mock.issuer, origin, secrets });
console.log(`${taxPortal.title}: ${app.url}  (mock provider ${mock.issuer})`);
console.log(`  ${taxPortal.tryThis}`);

function stop(): void {
  Promise.allSettled([app.close(), mock.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
