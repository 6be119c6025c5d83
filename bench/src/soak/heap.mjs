// The soak's heap study: what the bank app keeps per login, and whether it levels off.
//   node src/soak/heap.mjs [LOGINS_PER_ROUND=300] [ROUNDS=8] [redis]
// Rounds of logins (2 in flight); after each, the app's heap after its connections closed,
// a settle (SOAK_SETTLE_MS, past the 5 s provider-request time-out) and GC. Heap snapshots
// after the first round (the baseline) and the last, then what the last holds that the
// baseline did not (node ids are stable within a process), by constructor and retainer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { idsOf, loadSnapshot, newSince, retainingPath } from './heapdiff.mjs';
import { logins, startBank } from './setup.mjs';
import { startRedis } from '../redis.mjs';

const [perRound = 300, rounds = 8] = process.argv.slice(2, 4).map(Number).filter(Boolean);
const redis = process.argv.includes('redis') ? await startRedis() : undefined;
const dir = await mkdtemp(join(tmpdir(), 'dinhdanh-heap-'));
const bank = await startBank({ redisUrl: redis?.url });
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
try {
  console.log(`${redis ? 'Redis' : 'sealed cookie'} sessions, ${perRound} logins a round`);
  const paths = [];
  let errors = 0;
  for (let round = 1; round <= rounds; round += 1) {
    errors += (await logins(bank.base, perRound)).length;
    if (round === 1 || round === rounds) {
      paths.push(await bank.snapshot(join(dir, `${round}.heapsnapshot`)));
    }
    const { heapUsed, spaces } = await bank.measure();
    const other = heapUsed - spaces.old_space - spaces.code_space;
    console.log(
      `after ${round * perRound} logins: heap ${kb(heapUsed)} = old space ${kb(spaces.old_space)} + code space ${kb(spaces.code_space)} + other ${kb(other)} (login errors ${errors})`,
    );
  }
  const [first, last] = await Promise.all(paths.map(loadSnapshot));
  console.log(`\nAlive after the last round, allocated after the first, by group (top 20):`);
  const groups = newSince(idsOf(first), last);
  for (const g of groups.slice(0, 20)) {
    const by = [...g.by]
      .sort((x, y) => y[1] - x[1])
      .slice(0, 2)
      .map(([k, n]) => `${k} ×${n}`);
    console.log(
      `${kb(g.bytes).padStart(8)} ${String(g.count).padStart(6)}  ${g.key}  ← ${by.join('; ')}`,
    );
  }
  console.log('\nA retaining path of one node in each of the top 8 groups:');
  for (const g of groups.slice(0, 8)) console.log(`- ${retainingPath(last, g.sample)}`);
} finally {
  await bank.stop();
  await redis?.stop();
  if (!process.env.SOAK_KEEP_SNAPSHOTS) await rm(dir, { recursive: true, force: true });
  else console.log(`snapshots kept in ${dir}`);
}
