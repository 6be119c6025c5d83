import { createAuthHandlers, createRelyingParty, oidc } from '@dinhdanh/core';

// 1. The relying party (bên tiếp nhận): your bank, as the identity provider knows it.
export const rp = createRelyingParty({
  provider: oidc(), // vneid(), postid() or dvcqg() for the real providers
  issuer: process.env.DINHDANH_ISSUER ?? 'http://127.0.0.1:9400', // the mock
  clientId: process.env.DINHDANH_CLIENT_ID ?? 'dinhdanh-dev',
  redirectUri: 'http://localhost:3000/auth/callback',
  clientAuth: {
    method: 'client_secret_basic', // production: { method: 'private_key_jwt', privateKey }
    clientSecret: process.env.DINHDANH_CLIENT_SECRET ?? 'dinhdanh-dev-secret-change-me-0123456789',
  },
});

// 2. The routes: /auth/login, /auth/callback, /auth/logout, /auth/me, ...
export const auth = createAuthHandlers(rp, {
  secrets: [process.env.SESSION_SECRET ?? 'dev-only-session-secret-at-least-32-bytes'],
  meAttributes: ['name', 'birthdate'],
  // What /auth/login asks for is written here, never taken from the URL.
  requests: { default: { level: 2, claims: ['name', 'birthdate'] } },
});

// 3. Your app: one function from a web Request to a Response.
export async function app(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.startsWith('/auth/')) return auth.handle(request);
  const session = await auth.getSession(request);
  if (session === undefined) {
    const login = '/auth/login?returnTo=/';
    return Response.redirect(new URL(login, request.url), 302);
  }
  const name = session.identity.attributes.name?.full ?? session.sub;
  return new Response(`Xin chào, ${name} (level ${session.level})`);
}
