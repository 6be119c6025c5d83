/* global performance */
// `BENCH_ONLY=express pnpm bench`: @dinhdanh/express against bare Express and
// express-openid-connect (same Express 5, same run, loopback), then the login round trip
// through the adapter against core's bare handlers on node:http. Ratios of medians.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import express from 'express';
import { createAuthHandlers } from '@dinhdanh/core';
import { toNodeHandler } from '@dinhdanh/core/node';
import { dinhdanh } from '@dinhdanh/express';
import { environmentLine } from '../core/env.mjs';
import { median } from '../measure.mjs';
import { startProcess, stopProcess } from '../processes.mjs';
import { startRedis } from '../redis.mjs';
import { browserLogin, mockAndRp, SECRET } from './app.mjs';

const SECONDS = Number(process.env.BENCH_EXPRESS_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_EXPRESS_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_EXPRESS_CONNECTIONS ?? 10);
const LOGINS = Number(process.env.BENCH_EXPRESS_LOGINS ?? 60);
const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));
const TARGETS = [
  ['bare Express', 'bare'],
  ['@dinhdanh/express, sealed cookie', 'sealed'],
  ['@dinhdanh/express, Redis store (node-redis)', 'redis'],
  ['@dinhdanh/express, Redis store (ioredis)', 'ioredis'],
  ['express-openid-connect', 'eoc'],
];

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks
}

/** req/s, and requests per CPU second of the server process (steadier on a shared machine). */
async function load(port, cookie, pid) {
  const cpu = cpuSeconds(pid);
  const result = await run(port, cookie);
  const used = cpuSeconds(pid) - cpu;
  return { rate: result.requests.average, perCpu: used > 0 ? result.requests.total / used : NaN };
}

function run(port, cookie) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${port}/account`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: cookie === '-' ? {} : { cookie, accept: 'application/json' },
      },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx > 0)
          return reject(new Error(`${result.non2xx} non-2xx answers on port ${port}`));
        resolve(result);
      },
    );
  });
}

async function protectedRoute() {
  const redis = await startRedis();
  const servers = [];
  try {
    for (const [, target] of TARGETS) {
      const started = await startProcess([SERVER, target], {
        ready: /ready (\d+) (\S+)/,
        env: { BENCH_REDIS_URL: redis.url },
      });
      servers.push({
        target,
        child: started.child,
        port: Number(started.match[1]),
        cookie: started.match[2],
      });
    }
    const rates = new Map(TARGETS.map(([, target]) => [target, []]));
    for (const server of servers) await load(server.port, server.cookie, server.child.pid); // warm-up
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? servers : [...servers].reverse();
      for (const server of order)
        rates.get(server.target).push(await load(server.port, server.cookie, server.child.pid));
    }
    return new Map(
      [...rates].map(([target, runs]) => {
        const list = runs.map((r) => r.rate);
        const cpu = runs.map((r) => r.perCpu);
        return [target, { median: median(list), list, cpu: median(cpu), cpuList: cpu }];
      }),
    );
  } finally {
    for (const server of servers) await stopProcess(server.child);
    await redis.stop();
  }
}

async function loginRoundTrip() {
  const { idp, rp } = await mockAndRp();
  const options = { rp, secrets: SECRET, requests: { default: { claims: ['name'] } } };
  const app = express();
  app.use(dinhdanh(options));
  const adapter = await new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
  const bare = createServer(toNodeHandler(createAuthHandlers(rp, options).handle));
  await new Promise((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const base = (server) => `http://127.0.0.1:${server.address().port}`;
  // Logins/s, and this process's CPU per login (server, mock and client all live here, and
  // only one server is driven at a time, so the difference between the two is the servers').
  const cpu = { adapter: [], bare: [] };
  const rate = async (server, name) => {
    const begin = performance.now();
    const used = process.cpuUsage();
    for (let i = 0; i < LOGINS; i += 1) await browserLogin(base(server), idp);
    const spent = process.cpuUsage(used);
    cpu[name]?.push((spent.user + spent.system) / 1000 / LOGINS);
    return (LOGINS * 1000) / (performance.now() - begin);
  };
  try {
    await rate(adapter);
    await rate(bare);
    const rates = { adapter: [], bare: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round % 2 === 0) {
        rates.adapter.push(await rate(adapter, 'adapter'));
        rates.bare.push(await rate(bare, 'bare'));
      } else {
        rates.bare.push(await rate(bare, 'bare'));
        rates.adapter.push(await rate(adapter, 'adapter'));
      }
    }
    return { adapter: median(rates.adapter), bare: median(rates.bare), rates, cpu };
  } finally {
    adapter.close();
    bare.close();
    await idp.close();
  }
}

export async function expressReport() {
  console.log(`\n## @dinhdanh/express\n\n${environmentLine()}\n`);
  console.log(
    `Protected GET /account with a valid session: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per target, ${ROUNDS} interleaved rounds, median req/s.\n`,
  );
  const rates = await protectedRoute();
  const bare = rates.get('bare').median;
  const eoc = rates.get('eoc').median;
  const bareCpu = rates.get('bare').cpu;
  const eocCpu = rates.get('eoc').cpu;
  console.log(
    '| target | req/s (median) | rounds | vs bare | vs express-openid-connect | req per server CPU s (median) | rounds | vs bare (CPU) | vs express-openid-connect (CPU) |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | --- | ---: | ---: |');
  for (const [name, target] of TARGETS) {
    const { median: value, list, cpu, cpuList } = rates.get(target);
    console.log(
      `| ${name} | ${value.toFixed(0)} | ${list.map((v) => v.toFixed(0)).join(', ')} | ${(value / bare).toFixed(2)}x | ${(value / eoc).toFixed(2)}x | ${cpu.toFixed(0)} | ${cpuList.map((v) => v.toFixed(0)).join(', ')} | ${(cpu / bareCpu).toFixed(2)}x | ${(cpu / eocCpu).toFixed(2)}x |`,
    );
  }
  console.log(
    "\nRequests per CPU second divide each target's requests by the CPU time its server process used (from /proc): on a shared machine far steadier than req/s. The Redis targets' figures leave out redis-server's own CPU; both clients talk to the same redis-server.",
  );
  console.log('\nTargets: ≥ 0.6x bare Express, ≥ 2x express-openid-connect.\n');
  const logins = await loginRoundTrip();
  console.log(
    `Login round trip (GET /auth/login → in-process mock → callback), ${LOGINS} sequential logins per round, ${ROUNDS} rounds:\n`,
  );
  const cpuAdapter = median(logins.cpu.adapter);
  const cpuBare = median(logins.cpu.bare);
  console.log('| server | logins/s (median) | rounds | CPU ms per login (median) | rounds |');
  console.log('| --- | ---: | --- | ---: | --- |');
  const row = (name, key, cpuMedian) =>
    `| ${name} | ${logins[key].toFixed(1)} | ${logins.rates[key].map((v) => v.toFixed(1)).join(', ')} | ${cpuMedian.toFixed(2)} | ${logins.cpu[key].map((v) => v.toFixed(2)).join(', ')} |`;
  console.log(row('@dinhdanh/express', 'adapter', cpuAdapter));
  console.log(row('core handlers on node:http (toNodeHandler)', 'bare', cpuBare));
  console.log(
    `\nAdapter vs bare handlers: ${(logins.adapter / logins.bare).toFixed(2)}x by logins/s, ${(cpuBare / cpuAdapter).toFixed(2)}x by CPU per login (the whole process: client, mock and server) (target ≥ 0.9x).`,
  );
}
