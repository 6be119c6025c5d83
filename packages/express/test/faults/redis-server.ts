/**
 * A redis-server that can be killed and started again on the same port with its data
 * (append-only file, fsync always), and switched read-only or full with `CONFIG SET`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startRedisServer } from '../../../core/test/sessions/redis-server';

export interface DurableRedis {
  readonly port: number;
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Runs one command on an admin connection. */
  admin(...args: string[]): Promise<unknown>;
  close(): Promise<void>;
}

async function ready(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const probe = new Redis(port, '127.0.0.1', {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not yet
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('redis-server did not start');
}

/** Starts a durable redis-server on a free port. */
export async function startDurableRedis(): Promise<DurableRedis> {
  // A free port that redis-server accepts: borrow one from the shared helper, then let go.
  const probe = await startRedisServer();
  const { port } = probe;
  await probe.stop();
  const dir = mkdtempSync(join(tmpdir(), 'dinhdanh-redis-'));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--dir', dir].concat([
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
      ]),
      { stdio: 'ignore' },
    );
    await ready(port);
  };
  const kill = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (running === undefined || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  await start();
  return {
    port,
    kill,
    start,
    async admin(...args) {
      const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0 });
      await client.connect();
      try {
        return await client.call(args[0]!, ...args.slice(1));
      } finally {
        client.disconnect();
      }
    },
    async close() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
