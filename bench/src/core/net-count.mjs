// Profiling aid: per-login HTTP traffic of each relying party (requests, connections,
// header and body bytes) through undici's diagnostics channels.
import diagnostics from 'node:diagnostics_channel';
import { coreLogin, openidClientLogin, startEngine } from './login.mjs';

const stats = new Map();
const bump = (k, v = 1) => stats.set(k, (stats.get(k) ?? 0) + v);
diagnostics.subscribe('undici:client:connected', () => bump('connections'));
diagnostics.subscribe('undici:client:sendHeaders', ({ request, headers }) => {
  bump(
    `req ${request.method} ${request.path.split('?')[0].replace(/\/[A-Za-z0-9_-]{20,}/g, '/:id')}`,
  );
  bump('request header bytes', headers.length);
});
diagnostics.subscribe('undici:request:bodySent', ({ request }) =>
  bump(
    `request body ${typeof request.body === 'string' ? 'string' : request.body?.constructor?.name}`,
  ),
);
diagnostics.subscribe('undici:request:headers', ({ response }) => {
  const h = response.headers;
  for (let i = 0; i < h.length; i += 2) {
    bump('response header bytes', h[i].length + h[i + 1].length + 4);
    if (String(h[i]).toLowerCase() === 'content-length')
      bump('response body bytes', Number(h[i + 1]));
    if (String(h[i]).toLowerCase() === 'connection') bump(`connection: ${h[i + 1]}`);
  }
});

const { issuer, kid, privateKey, privateJwk, stop } = await startEngine();
try {
  const runs = [
    ['core', coreLogin(issuer, privateJwk)],
    ['openid-client', await openidClientLogin(issuer, privateKey, kid)],
  ];
  const N = 20;
  const res = {};
  for (const [name, run] of runs) {
    for (let i = 0; i < 5; i += 1) await run();
    stats.clear();
    for (let i = 0; i < N; i += 1) await run();
    res[name] = new Map(stats);
  }
  const keys = new Set([...res.core.keys(), ...res['openid-client'].keys()]);
  for (const k of [...keys].sort())
    console.log(
      k.padEnd(40),
      String((res.core.get(k) ?? 0) / N).padStart(8),
      String((res['openid-client'].get(k) ?? 0) / N).padStart(8),
    );
} finally {
  await stop();
}
