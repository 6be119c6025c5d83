/* global setTimeout */
// The soak's app process (forked with --expose-gc): a bank-like Express app on @dinhdanh/express
// against the mock over HTTP, sealed-cookie sessions or, with SOAK_REDIS_URL, Redis sessions.
// Answers the parent over IPC: `measure` (settle, GC, heap and active resources),
// `{ snapshot: path }` (settle, GC, a heap snapshot) and `stop`.
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';
import express from 'express';
import { createRelyingParty, redisStore } from '@dinhdanh/core';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';

const port = Number(process.env.SOAK_PORT);
const origin = `http://127.0.0.1:${port}`;
const rp = createRelyingParty({
  issuer: process.env.SOAK_ISSUER,
  clientId: 'soak-bank',
  redirectUri: `${origin}/auth/callback`,
  clientAuth: { method: 'client_secret_basic', clientSecret: process.env.SOAK_CLIENT_SECRET },
});
let redis;
let sessions;
if (process.env.SOAK_REDIS_URL) {
  const { Redis } = await import('ioredis');
  redis = new Redis(process.env.SOAK_REDIS_URL, { maxRetriesPerRequest: 1 });
  sessions = { store: redisStore(redis), storage: 'store' };
}

const app = express();
app.use(
  dinhdanh({
    rp,
    secrets: process.env.SOAK_SECRET,
    requests: { default: { level: 2, claims: ['name', 'birthdate'] } },
    ...(sessions ? { sessions } : {}),
  }),
);
app.get('/', (req, res) => res.send('Ngân hàng thử nghiệm'));
app.get('/account', requireIdentity({ level: 2 }), (req, res) => {
  res.json({ name: req.identity.attributes.name?.full ?? null, level: req.identity.level });
});

const server = app.listen(port, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));

const connections = () => new Promise((resolve) => server.getConnections((_, n) => resolve(n)));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function settle() {
  // Let keep-alive sockets (clients' and our own to the mock) close, bounded.
  for (let i = 0; i < 100 && (await connections()) > 0; i += 1) await sleep(100);
  await sleep(Number(process.env.SOAK_SETTLE_MS ?? 6000));
  for (let i = 0; i < 3; i += 1) {
    globalThis.gc();
    await sleep(50);
  }
}

async function measure() {
  await settle();
  const resources = {};
  for (const name of process.getActiveResourcesInfo()) resources[name] = (resources[name] ?? 0) + 1;
  // Used bytes per V8 heap space: compiled code (code_space) apart from objects (old_space).
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]),
  );
  return {
    heapUsed: process.memoryUsage().heapUsed,
    spaces,
    resources,
    connections: await connections(),
  };
}

process.on('message', async (message) => {
  if (message === 'measure') process.send({ measured: await measure() });
  if (message?.snapshot) {
    await settle();
    process.send({ snapshotted: writeHeapSnapshot(message.snapshot) });
  }
  if (message === 'stop') {
    server.close();
    server.closeAllConnections?.();
    if (redis) await redis.quit();
    process.exit(0);
  }
});
process.send({ ready: true });
