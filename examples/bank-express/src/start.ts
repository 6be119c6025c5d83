/**
 * `pnpm start`: the bank alone on http://127.0.0.1:3001, against a mock already running on
 * 9400 (`npx dinhdanh-mock-idp`), through the mock's development client. `pnpm demo` at the
 * repository root registers the bank's own client instead (VNeID dialect, back-channel logout).
 */
import { randomBytes } from 'node:crypto';
import { oidc, vneid } from '@dinhdanh/core';
import { serveBank } from './serve';

const env = process.env;
const port = Number(env.PORT ?? 3001);
const host = '127.0.0.1';
const origin = `http://${host}:${port}`;
const clientId = env.DINHDANH_CLIENT_ID ?? 'dinhdanh-dev';

const bank = await serveBank(
  {
    issuer: env.DINHDANH_ISSUER ?? 'http://127.0.0.1:9400',
    // The development client speaks the standard dialect; a client of your own may speak VNeID's.
    provider: env.DINHDANH_DIALECT === 'vneid-sso' ? vneid() : oidc(),
    clientId,
    clientSecret: env.DINHDANH_CLIENT_SECRET ?? 'dinhdanh-dev-secret-change-me-0123456789',
    origin,
    // A fresh secret per start: sessions end when the bank restarts.
    sessionSecret: env.SESSION_SECRET ?? randomBytes(32).toString('base64url'),
    postLogoutRedirect: env.DINHDANH_POST_LOGOUT === '1',
    ...(env.REDIS_URL === undefined || env.REDIS_URL === '' ? {} : { redisUrl: env.REDIS_URL }),
  },
  port,
  host,
);
console.log(`Ngân hàng Demo: ${bank.url} (client ${clientId})`);

function stop(): void {
  bank.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
