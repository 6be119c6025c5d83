import express, { type Express } from 'express';
import { createRelyingParty, oidc } from '@dinhdanh/core';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';

export const rp = createRelyingParty({
  provider: oidc(), // vneid(), postid() or dvcqg() for the real providers
  issuer: process.env.DINHDANH_ISSUER ?? 'http://127.0.0.1:9400', // the mock
  clientId: process.env.DINHDANH_CLIENT_ID ?? 'dinhdanh-dev',
  redirectUri: 'http://localhost:3000/auth/callback',
  clientAuth: {
    method: 'client_secret_basic',
    clientSecret: process.env.DINHDANH_CLIENT_SECRET ?? 'dinhdanh-dev-secret-change-me-0123456789',
  },
});

// The five lines: an app, the login routes under /auth, and a page that needs level 2.
export const app: Express = express();
const secrets = [process.env.SESSION_SECRET ?? 'dev-only-session-secret-at-least-32-bytes'];
app.use(dinhdanh({ rp, secrets, requests: { default: { claims: ['name'] } } }));
app.get('/account', requireIdentity({ level: 2 }), (req, res) => {
  res.send(`Xin chào, ${req.identity?.attributes.name?.full ?? ''}`);
});
