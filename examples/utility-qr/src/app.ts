/**
 * The kiosk's backend for the front end. Two cross-device logins side by side, each a
 * `dinhdanh()` with its own relying party and session cookie:
 * - `/auth/*`: VNeID SSO's device authorization grant (the QR code, a user code);
 * - `/vneid/*`: a VNeID share transaction (partner profile), its result delivered by a
 *   signed webhook (`/vneid/share-webhook`) or read by polling.
 * Both feed the same bill API, at level 1, under a strict Content-Security-Policy.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createRelyingParty, vneid } from '@dinhdanh/core';
import { toNodeHandler } from '@dinhdanh/core/node';
import {
  memoryShareResultStore,
  shareWebhookHandler,
  vneidPartner,
  withShareTransactions,
} from '@dinhdanh/core/vneid-partner';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { billFor } from './bill';
import { DEVICE_CLIENT_ID, SHARE_CLIENT_ID, webhookSecret } from './client';
import { deviceRequests, ME_ATTRIBUTES, SHARE_BASE, shareRequests } from './requests';

/** How the kiosk reaches the provider and seals its sessions. */
export interface UtilityKioskConfig {
  readonly issuer: string;
  readonly clientSecret: string;
  /** The origin the kiosk is reached at, e.g. http://127.0.0.1:3004. */
  readonly origin: string;
  readonly sessionSecret: string;
  /** The relying party's RSA private key for the partner profile (PEM). */
  readonly partnerPrivateKey: string;
  /** The built React client (`dist/client`). */
  readonly clientDir: string;
  /** Clock in epoch milliseconds (tests). */
  readonly now?: () => number;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/** The Express app of the kiosk. */
export function createUtilityKiosk(config: UtilityKioskConfig): Express {
  const clock = config.now === undefined ? {} : { now: config.now };
  const common = {
    secrets: [config.sessionSecret],
    origin: config.origin,
    meAttributes: ME_ATTRIBUTES,
    // A kiosk ends its own session only: the citizen stays logged in on their phone.
    providerLogout: false,
    ...clock,
  };
  const device = dinhdanh({
    ...common,
    rp: createRelyingParty({
      provider: vneid(),
      issuer: config.issuer,
      clientId: DEVICE_CLIENT_ID,
      redirectUri: `${config.origin}/auth/callback`,
      clientAuth: { method: 'client_secret_basic', clientSecret: config.clientSecret },
      ...clock,
    }),
    requests: deviceRequests,
  });
  const results = memoryShareResultStore(clock);
  const share = dinhdanh({
    ...common,
    basePath: `${SHARE_BASE}/auth`,
    sessions: { cookieName: 'utility.share.session' },
    rp: createRelyingParty({
      provider: withShareTransactions(
        vneidPartner({
          privateKey: config.partnerPrivateKey,
          envelope: { token: 'auto', userinfo: 'auto' },
        }),
        { results, interval: 2 },
      ),
      issuer: config.issuer,
      clientId: SHARE_CLIENT_ID,
      redirectUri: `${config.origin}${SHARE_BASE}/auth/callback`,
      clientAuth: { method: 'client_secret_post', clientSecret: config.clientSecret },
      ...clock,
    }),
    requests: shareRequests,
  });
  const webhook = toNodeHandler(
    shareWebhookHandler({ secret: webhookSecret(config.clientSecret), results, ...clock }),
    { origin: config.origin, maxBodyBytes: 64 * 1024 },
  );

  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  // The provider's server calls the webhook: no session, no origin check, its HMAC decides.
  app.post(`${SHARE_BASE}/share-webhook`, (req, res) => void webhook(req, res));
  app.use((req, res, next) =>
    (req.path.startsWith(`${SHARE_BASE}/`) ? share : device)(req, res, next),
  );

  const pay = (req: Request, res: Response) => {
    const bill = billFor(req.identity?.subject ?? '');
    res.status(201).json({
      receipt: `BN-${randomUUID().slice(0, 8).toUpperCase()}`,
      amount: bill.amount,
      paidAt: new Date(config.now?.() ?? Date.now()).toISOString(),
    });
  };
  const showBill = (req: Request, res: Response) => {
    res.json(billFor(req.identity?.subject ?? ''));
  };
  for (const base of ['', SHARE_BASE]) {
    app.get(`${base}/api/hoa-don`, requireIdentity({ level: 1 }), showBill);
    app.post(
      `${base}/api/thanh-toan`,
      sameOrigin(config.origin),
      requireIdentity({ level: 1 }),
      pay,
    );
  }

  app.use(express.static(config.clientDir, { index: 'index.html', maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.includes('/api/')) return next();
    res.sendFile('index.html', { root: config.clientDir });
  });
  return app;
}

/** A state-changing call must come from the kiosk's own page (`Origin` compared). */
function sameOrigin(origin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin === origin) return next();
    res
      .status(403)
      .json({ error: { code: 'csrf_failed', message: 'Cross-site request refused.' } });
  };
}
