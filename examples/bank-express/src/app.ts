/**
 * The bank: an Express 5 app on @dinhdanh/express. Level 1 shows balances; opening an
 * account needs level 2 and the identity a bank must check (a step-up with its own
 * consent); the profile shows what was shared and the signed consent record.
 */
import type { Server } from 'node:http';
import express, { type Express, type Request, type Response } from 'express';
import {
  createRelyingParty,
  memoryStore,
  redisReplayCache,
  redisStore,
  type Identity,
  type RelyingParty,
  type SessionStore,
} from '@dinhdanh/core';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { createClient } from 'redis';
import { accountNumber, BankStore } from './bank-store';
import type { BankConfig } from './config';
import { createReceipts } from './receipts';
import { LOGIN_REQUESTS, OPEN_ACCOUNT_ATTRIBUTES } from './requests';
import { BANK_CSS } from './views/style';
import {
  dashboardPage,
  notFoundPage,
  openAccountPage,
  profilePage,
  refusedPage,
  welcomePage,
} from './views/pages';

/** A built bank and what it holds open (Redis). */
export interface Bank {
  readonly app: Express;
  readonly rp: RelyingParty;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/** Where the step-up for opening an account starts. */
const OPEN_ACCOUNT_LOGIN =
  '/auth/login?request=open-account&level=2&stepUp=1&returnTo=%2Fmo-tai-khoan';

function hasOpeningIdentity(identity: Identity | undefined): identity is Identity {
  return (
    identity !== undefined &&
    identity.level >= 2 &&
    OPEN_ACCOUNT_ATTRIBUTES.every((name) => identity.attributes[name] !== undefined)
  );
}

function send(res: Response, body: string, status = 200): void {
  res.status(status).type('html').set('cache-control', 'no-store').send(body);
}

/** Builds the bank (and connects to Redis when `redisUrl` is set). */
export async function createBank(config: BankConfig): Promise<Bank> {
  const now = config.now ?? Date.now;
  const redis =
    config.redisUrl === undefined
      ? undefined
      : await createClient({ url: config.redisUrl, disableOfflineQueue: true }).connect();
  const store: SessionStore = redis === undefined ? memoryStore({ now }) : redisStore(redis);
  const bankStore = new BankStore(redis);
  const receipts = createReceipts(now);
  const rp = createRelyingParty({
    provider: config.provider,
    issuer: config.issuer,
    clientId: config.clientId,
    redirectUri: `${config.origin}/auth/callback`,
    clientAuth: { method: 'client_secret_basic', clientSecret: config.clientSecret },
    now,
    ...(redis === undefined ? {} : { replayCache: redisReplayCache(redis) }),
  });

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.set({
      'content-security-policy': `default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' ${new URL(config.issuer).origin}`,
      // Not no-referrer: Chromium then sends `Origin: null` on form posts, which this app's own
      // Origin check on POST /mo-tai-khoan refuses (core's logout check accepts it with Sec-Fetch-Site).
      'referrer-policy': 'strict-origin-when-cross-origin',
      'x-content-type-options': 'nosniff',
    });
    next();
  });
  app.get('/static/bank.css', (_req, res) => {
    res.type('css').set('cache-control', 'public, max-age=3600').send(BANK_CSS);
  });
  app.use(
    dinhdanh({
      rp,
      secrets: [config.sessionSecret],
      origin: config.origin,
      // Its own cookie name: the demo's other apps share the host 127.0.0.1 (cookies ignore ports).
      // Sessions live in a store (Redis or memory) so the ID token is kept for logging out at VNeID.
      sessions: { cookieName: 'bank-demo.session', store },
      requests: LOGIN_REQUESTS,
      ...(config.postLogoutRedirect ? { postLogoutRedirectUri: `${config.origin}/` } : {}),
      onLogin: async (result) => {
        const receipt = await receipts.sign(result);
        await bankStore.addReceipt(result.identity.issuer, result.identity.subject, receipt);
      },
      now,
    }),
  );

  app.get('/', async (req: Request, res: Response) => {
    const identity = req.identity;
    if (identity === undefined) return send(res, welcomePage());
    const record = await bankStore.get(identity.issuer, identity.subject);
    const opened = typeof req.query.opened === 'string' ? req.query.opened : undefined;
    const main = {
      name: 'Tài khoản thanh toán',
      number: accountNumber(`${identity.issuer}\n${identity.subject}`),
    };
    const status =
      opened !== undefined && record.accounts.some((a) => a.number === opened)
        ? `Đã mở tài khoản số ${opened}.`
        : undefined;
    send(res, dashboardPage(identity, main, record.accounts, status));
  });

  app.get('/ho-so', requireIdentity(), async (req: Request, res: Response) => {
    const identity = req.identity as Identity;
    const record = await bankStore.get(identity.issuer, identity.subject);
    const latest = record.receipts[0];
    const receipt = latest === undefined ? undefined : await receipts.read(latest);
    send(res, profilePage(identity, receipt, record.receipts.length));
  });

  const openGate = requireIdentity({ level: 2, request: 'open-account' });
  app.get('/mo-tai-khoan', openGate, (req: Request, res: Response) => {
    // Level 2 alone is not enough: the identity checks need the attributes of the
    // open-account request, consented for its purpose. Without them: a step-up that asks.
    if (!hasOpeningIdentity(req.identity)) return res.redirect(302, OPEN_ACCOUNT_LOGIN);
    send(res, openAccountPage(req.identity));
  });
  app.post('/mo-tai-khoan', openGate, async (req: Request, res: Response) => {
    // A cross-site form cannot open an account: the browser's Origin must be ours.
    if (req.get('origin') !== config.origin) return send(res, refusedPage(req.identity), 403);
    if (!hasOpeningIdentity(req.identity)) return res.redirect(303, OPEN_ACCOUNT_LOGIN);
    const account = await bankStore.openAccount(
      req.identity.issuer,
      req.identity.subject,
      new Date(now()),
    );
    res.redirect(303, `/?opened=${account.number}`);
  });

  app.use((req: Request, res: Response) => send(res, notFoundPage(req.identity), 404));

  return {
    app,
    rp,
    async close() {
      if (redis !== undefined) await redis.close();
    },
  };
}

/** Listens on `port` (0 = any) and `host`; resolves with the server once it listens. */
export function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
