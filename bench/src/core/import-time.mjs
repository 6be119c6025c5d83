/* global performance */
// Cold import time: fresh `node --input-type=module -e "await import(...)"` processes, N
// runs each, interleaved, median; also a bare `node -e ""` baseline to subtract.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../measure.mjs';

const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));

function timeProcess(code) {
  const begin = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: BENCH_DIR,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (status) => {
      const ms = performance.now() - begin;
      if (status === 0) resolve(ms);
      else reject(new Error(`node -e ${JSON.stringify(code)} exited with ${status}\n${err}`));
    });
  });
}

/** Median process wall time (ms) of importing each specifier, `runs` interleaved runs. */
export async function benchImport({ runs, specifiers }) {
  const targets = [
    { name: 'baseline (`node -e ""`)', code: '' },
    ...specifiers.map((s) => ({ name: `\`${s}\``, code: `await import(${JSON.stringify(s)});` })),
  ];
  for (const t of targets) {
    await timeProcess(t.code); // warm the file-system cache, same for all
    t.times = [];
  }
  for (let r = 0; r < runs; r += 1) {
    for (const t of targets) t.times.push(await timeProcess(t.code));
  }
  const base = median(targets[0].times);
  return targets.map((t) => ({
    name: t.name,
    median: median(t.times),
    min: Math.min(...t.times),
    max: Math.max(...t.times),
    overBaseline: median(t.times) - base,
  }));
}
