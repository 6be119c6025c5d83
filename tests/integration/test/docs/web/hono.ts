import { Hono } from 'hono';
import { auth } from './auth.js';

export const app = new Hono();

// Hono hands over the web Request as it came: core answers every /auth/* route.
app.all('/auth/*', (c) => auth.handle(c.req.raw));

app.get('/', async (c) => {
  const session = await auth.getSession(c.req.raw);
  if (session === undefined) return c.redirect('/auth/login?returnTo=/');
  const name = session.identity.attributes.name?.full ?? session.sub;
  return c.text(`Xin chào, ${name} (level ${session.level})`);
});

export default app; // Bun, Deno and Cloudflare Workers serve the default export's fetch
