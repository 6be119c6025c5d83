// app/auth/[...dinhdanh]/route.ts: /auth/login, /auth/callback, /auth/logout, /auth/me, ...
import { auth } from '../../../auth.js';

// Sessions and logins are per request: never cache or prerender these routes.
export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  return auth.handle(request);
}

export async function POST(request: Request): Promise<Response> {
  return auth.handle(request);
}
