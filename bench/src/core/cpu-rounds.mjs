// Profiling aid: CPU ms per call of interleaved targets, and the paired difference.
import { PerformanceObserver } from 'node:perf_hooks';

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount += 1;
  }
}).observe({ entryTypes: ['gc'] });
export const gcStats = {};

/** Runs `rounds` rounds of `n` sequential calls of each target, alternating the order. */
export async function measureRounds(targets, n, rounds) {
  const results = Object.fromEntries(targets.map(([name]) => [name, []]));
  for (let r = 0; r < rounds; r += 1) {
    for (const [name, run] of r % 2 === 0 ? targets : [...targets].reverse()) {
      const cpu = process.cpuUsage();
      const [ms0, count0] = [gcMs, gcCount];
      for (let i = 0; i < n; i += 1) await run();
      const used = process.cpuUsage(cpu);
      // GC entries are delivered asynchronously: close enough over many rounds.
      gcStats[name] ??= { ms: 0, count: 0, calls: 0 };
      gcStats[name].ms += gcMs - ms0;
      gcStats[name].count += gcCount - count0;
      gcStats[name].calls += n;
      results[name].push((used.user + used.system) / 1000 / n);
    }
  }
  return results;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quartiles = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return [s[Math.floor(s.length / 4)], s[Math.floor((3 * s.length) / 4)]];
};

/** Text: each target's median (quartiles), and the median per-round difference of the first and each other. */
export function pairedCpu(results) {
  const lines = Object.entries(results).map(([name, ms]) => {
    const [q1, q3] = quartiles(ms);
    return `${name.padEnd(14)} median ${median(ms).toFixed(3)} ms CPU/login (IQR ${q1.toFixed(3)}-${q3.toFixed(3)}, ${ms.length} rounds)`;
  });
  const [[first, a], ...others] = Object.entries(results);
  for (const [name, b] of others) {
    const diffs = a.map((x, i) => x - b[i]);
    const [q1, q3] = quartiles(diffs);
    lines.push(
      `${first} - ${name}: median ${median(diffs).toFixed(3)} ms (IQR ${q1.toFixed(3)}-${q3.toFixed(3)})`,
    );
  }
  for (const [name, g] of Object.entries(gcStats)) {
    lines.push(
      `${name.padEnd(14)} GC ${(g.ms / g.calls).toFixed(3)} ms/login in ${(g.count / g.calls).toFixed(3)} pauses/login`,
    );
  }
  return lines.join('\n');
}
