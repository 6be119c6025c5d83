/* global performance, setTimeout, clearTimeout */
import { spawn } from 'node:child_process';

/**
 * Starts a node process and resolves when a stdout line matches `ready`, with the match
 * and the milliseconds from spawn to that line. Rejects if the process exits first or
 * takes longer than `timeoutMs`.
 */
export function startProcess(args, { ready, env = {}, timeoutMs = 20_000 }) {
  const begin = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} not ready after ${timeoutMs} ms\n${err}`));
    }, timeoutMs);
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = ready.exec(out);
      if (match !== null) {
        clearTimeout(timer);
        // Keep draining so a chatty child never blocks on a full pipe.
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve({ child, match, ms: performance.now() - begin, output: out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${args.join(' ')} exited with ${code} before ready\n${err}`));
    });
  });
}

/** Sends SIGTERM and waits for the exit; resolves with the exit code, or the signal's name. */
export function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.kill('SIGTERM');
  });
}
