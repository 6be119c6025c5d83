// One bench target per process: `node server.mjs <bare|sealed|redis|ioredis|eoc>` serves GET /account
// on 127.0.0.1:0 and prints `ready <port> <cookie>` (the Cookie header of a valid session).
import express from 'express';
import { redisStore } from '@dinhdanh/core';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { browserLogin, mockAndRp, ORIGIN, SECRET } from './app.mjs';

const target = process.argv[2];
const app = express();
let cookie = '';
const page = (req, res) =>
  res.json({ ok: true, name: req.identity?.attributes.name?.full ?? null });

if (target === 'bare') {
  app.get('/account', page);
} else if (target === 'sealed' || target === 'redis' || target === 'ioredis') {
  const { idp, rp } = await mockAndRp();
  let sessions;
  if (target === 'redis') {
    const { createClient } = await import('redis');
    const client = await createClient({ url: process.env.BENCH_REDIS_URL }).connect();
    sessions = { store: redisStore(client) };
  } else if (target === 'ioredis') {
    const { Redis } = await import('ioredis');
    const client = new Redis(process.env.BENCH_REDIS_URL);
    sessions = { store: redisStore(client) };
  }
  const auth = dinhdanh({
    rp,
    secrets: SECRET,
    requests: { default: { claims: ['name'] } },
    ...(sessions ? { sessions } : {}),
  });
  app.use(auth);
  app.get('/account', requireIdentity(), page);
  cookie = await browserLogin(ORIGIN, idp, (request) => auth.handlers.handle(request));
} else if (target === 'eoc') {
  const { default: eoc } = await import('express-openid-connect');
  const { auth, requiresAuth } = eoc;
  const { createRequire } = await import('node:module');
  const { SignJWT, generateKeyPair } = await import('jose');
  const eocCrypto = createRequire(import.meta.url)('express-openid-connect/lib/crypto.js');
  const secret = SECRET;
  app.use(
    auth({
      authRequired: false,
      idpLogout: false,
      secret,
      baseURL: ORIGIN,
      clientID: 'bench-express',
      clientSecret: 'unused-unused-unused',
      issuerBaseURL: 'http://127.0.0.1:9400',
      authorizationParams: { response_type: 'code' },
    }),
  );
  app.get('/account', requiresAuth(), (req, res) =>
    res.json({ ok: true, name: req.oidc.user?.name ?? null }),
  );
  // A session as its callback would write it: an ID token inside its encrypted cookie.
  const { privateKey } = await generateKeyPair('ES256');
  const now = Math.floor(Date.now() / 1000);
  const idToken = await new SignJWT({ name: 'Nguyễn Văn An', sid: 'bench' })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('http://127.0.0.1:9400/')
    .setAudience('bench-express')
    .setSubject('citizen-l2')
    .setIssuedAt(now)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  const [key] = eocCrypto.getKeyStore(secret, true);
  const value = eocCrypto.encryptSync(JSON.stringify({ id_token: idToken }), key, {
    iat: now,
    uat: now,
    exp: now + 86_400,
  });
  cookie = `appSession=${value}`;
} else {
  throw new Error(`unknown target ${target}`);
}

const server = app.listen(0, '127.0.0.1', () => {
  console.log(`ready ${server.address().port} ${cookie || '-'}`);
});
process.on('SIGTERM', () => process.exit(0));
