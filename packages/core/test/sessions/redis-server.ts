/**
 * Starts a throwaway `redis-server` on a free 127.0.0.1 port for a test file, or explains
 * why it cannot (not installed), so the suite can skip with a clear reason.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, createConnection } from 'node:net';

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

/** Why redis-server cannot run here, or undefined when it can. */
export function redisUnavailableReason(): string | undefined {
  // .ci/run installs redis-server and sets this: there a missing server fails, never skips.
  if (process.env.DINHDANH_REQUIRE_SERVICES === '1') return undefined;
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    const reason =
      'SKIPPED: the Redis tests need redis-server on the PATH (apt-get install -y redis-server).';
    console.warn(reason);
    return reason;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      answer += data.toString();
      if (answer.includes('\r\n')) {
        socket.end();
        resolve(answer.startsWith('+PONG'));
      }
    });
  });
}

async function startOnce(port: number): Promise<{ child: ChildProcess } | undefined> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (let attempt = 0; attempt < 100 && !exited; attempt += 1) {
    if (await ping(port)) return { child };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  return undefined;
}

/** Starts redis-server on a free port (a few attempts, in case another process took it). */
export async function startRedisServer(): Promise<RedisServer> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = await freePort();
    const started = await startOnce(port);
    if (started === undefined) continue;
    const { child } = started;
    return {
      port,
      url: `redis://127.0.0.1:${port}`,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    };
  }
  throw new Error('redis-server did not start after 3 attempts');
}
