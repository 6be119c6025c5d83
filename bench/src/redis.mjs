/* global setTimeout, clearTimeout */
// A throwaway redis-server on a free loopback port, no persistence.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { stopProcess } from './processes.mjs';

/** A port free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', ''],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server not ready')), 10_000);
    child.stdout.on('data', (chunk) => {
      if (/Ready to accept connections/.test(String(chunk))) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve();
      }
    });
    child.on('exit', () => reject(new Error('redis-server exited (is it installed?)')));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopProcess(child) };
}
