// The environment line printed above every table: where and under what load it ran.
import { cpus, loadavg } from 'node:os';

/** `Node v20.x, 2 CPUs (model), load average 1.2 / 0.9 / 0.8`. */
export function environmentLine() {
  const list = cpus();
  const model = list[0]?.model.trim() ?? 'unknown CPU';
  const load = loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');
  return `Node ${process.version}, ${list.length} CPUs (${model}), load average ${load} (1/5/15 min).`;
}

/** The ratio `ours / theirs` as `0.97x`. */
export const ratio = (ours, theirs) => `${(ours / theirs).toFixed(2)}x`;

/** Rates with 3 significant-ish digits. */
export const fmt = (n) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
