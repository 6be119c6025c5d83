/**
 * `pnpm start`: the kiosk alone on http://127.0.0.1:3004 with its own mock provider on
 * http://127.0.0.1:9400, which registers the kiosk's two clients (the mock's development
 * client has no share transactions). Fresh secrets each start: sessions end on restart.
 */
import { randomBytes } from 'node:crypto';
import { startMockIdp, type StartMockIdpOptions } from '@dinhdanh/mock-idp';
import utilityKiosk from './demo';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? utilityKiosk.port);
const origin = `http://${host}:${String(port)}`;
const secrets = {
  clientSecret: randomBytes(32).toString('base64url'),
  sessionSecret: process.env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
};
const mock = await startMockIdp({
  port: 9400,
  host,
  clients: (await utilityKiosk.mockClients(origin, secrets)) as StartMockIdpOptions['clients'],
});
const app = await utilityKiosk.start({ port, host, issuer: mock.issuer, origin, secrets });
console.log(`${utilityKiosk.title}: ${app.url}  (mock provider ${mock.issuer})`);
console.log(`  ${utilityKiosk.tryThis}`);

function stop(): void {
  Promise.allSettled([app.close(), mock.close()]).then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
