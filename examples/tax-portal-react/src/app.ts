/**
 * The portal's backend for the front end: core's login routes under /auth (through
 * @dinhdanh/express), the declaration API at level 2, and the built React client, every
 * page under a strict Content-Security-Policy.
 */
import { randomUUID } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createRelyingParty, dvcqg } from '@dinhdanh/core';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { ME_ATTRIBUTES, requests, SUBMIT_LEVEL } from './requests';
import { readDeclaration } from './declaration';

/** How the portal reaches the provider and seals its sessions. */
export interface TaxPortalConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The origin the browser reaches the portal at, e.g. http://127.0.0.1:3002. */
  readonly origin: string;
  readonly sessionSecret: string;
  /** The built React client (`dist/client`). */
  readonly clientDir: string;
  /** Clock in epoch milliseconds (tests). */
  readonly now?: () => number;
}

/** No inline script or style, nothing from another origin; forms post here or to the provider (logout). */
function contentSecurityPolicy(issuer: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${new URL(issuer).origin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The Express app of the portal. */
export function createTaxPortal(config: TaxPortalConfig): Express {
  const rp = createRelyingParty({
    provider: dvcqg(),
    issuer: config.issuer,
    clientId: config.clientId,
    redirectUri: `${config.origin}/auth/callback`,
    postLogoutRedirectUri: `${config.origin}/`,
    clientAuth: { method: 'client_secret_basic', clientSecret: config.clientSecret },
    ...(config.now === undefined ? {} : { now: config.now }),
  });
  const app = express();
  app.disable('x-powered-by');
  const csp = contentSecurityPolicy(config.issuer);
  app.use((_req, res, next) => {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'same-origin');
    next();
  });
  app.use(
    dinhdanh({
      rp,
      secrets: [config.sessionSecret],
      origin: config.origin,
      requests,
      meAttributes: ME_ATTRIBUTES,
      postLogoutRedirectUri: `${config.origin}/`,
      ...(config.now === undefined ? {} : { now: config.now }),
    }),
  );

  app.post(
    '/api/to-khai',
    sameOrigin(config.origin),
    requireIdentity({ level: SUBMIT_LEVEL, request: 'taxFiling' }),
    express.json({ limit: '16kb' }),
    (req, res) => {
      const declaration = readDeclaration(req.body);
      if (!declaration.ok) {
        res.status(400).json({ error: { code: 'input_invalid', message: declaration.message } });
        return;
      }
      res.status(201).json({
        reference: `TK-${randomUUID().slice(0, 8).toUpperCase()}`,
        level: req.session?.level,
        receivedAt: new Date(config.now?.() ?? Date.now()).toISOString(),
      });
    },
  );

  app.use(express.static(config.clientDir, { index: 'index.html', maxAge: 0 }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
    res.sendFile('index.html', { root: config.clientDir });
  });
  return app;
}

/**
 * A state-changing API call must come from the portal's own pages: the browser's `Origin`
 * header is compared with the portal's (a form or fetch from another site is refused).
 */
function sameOrigin(origin: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers.origin === origin) return next();
    res
      .status(403)
      .json({ error: { code: 'csrf_failed', message: 'Cross-site request refused.' } });
  };
}
