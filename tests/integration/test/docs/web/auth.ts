import { createAuthHandlers, createRelyingParty, oidc } from '@dinhdanh/core';

// One relying party and one set of handlers per process, shared by every route.
const rp = createRelyingParty({
  provider: oidc(), // vneid(), postid() or dvcqg() for the real providers
  issuer: process.env.DINHDANH_ISSUER ?? 'http://127.0.0.1:9400', // the mock
  clientId: process.env.DINHDANH_CLIENT_ID ?? 'dinhdanh-dev',
  redirectUri: process.env.DINHDANH_REDIRECT_URI ?? 'http://localhost:3000/auth/callback',
  clientAuth: {
    method: 'client_secret_basic',
    clientSecret: process.env.DINHDANH_CLIENT_SECRET ?? 'dinhdanh-dev-secret-change-me-0123456789',
  },
});

export const auth = createAuthHandlers(rp, {
  secrets: [process.env.SESSION_SECRET ?? 'dev-only-session-secret-at-least-32-bytes'],
  meAttributes: ['name'],
  requests: { default: { level: 2, claims: ['name', 'birthdate'] } },
});
