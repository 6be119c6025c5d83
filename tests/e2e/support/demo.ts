/**
 * Starts the mock identity provider and some examples the way `pnpm demo` does, on free
 * loopback ports, for the browser tests.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { startMockIdp, type RunningMockIdp, type StartMockIdpOptions } from '@dinhdanh/mock-idp';
import type { DemoExample, DemoSecrets, RunningExample } from '../../../examples/demo-contract.ts';

/** A free loopback port, reserved and released (the example binds it right after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Fresh secrets, as the demo generates them on first start. */
export function testSecrets(): DemoSecrets {
  return {
    clientSecret: randomBytes(32).toString('base64url'),
    sessionSecret: randomBytes(32).toString('base64url'),
  };
}

/** The running mock and examples. */
export interface RunningDemo {
  readonly mock: RunningMockIdp;
  /** Each example's base URL, by id. */
  readonly urls: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

/** Options of {@link startDemo}. */
export interface StartDemoOptions {
  /** Extra mock options (faults off, admin API, clock, ...). */
  readonly mock?: Omit<StartMockIdpOptions, 'clients' | 'port' | 'host'>;
  readonly redisUrl?: string;
  readonly now?: () => Date;
}

/** Starts the mock with every example's clients, then every example. */
export async function startDemo(
  examples: readonly DemoExample[],
  options: StartDemoOptions = {},
): Promise<RunningDemo> {
  const planned = await Promise.all(
    examples.map(async (example) => {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const secrets = testSecrets();
      return {
        example,
        port,
        origin,
        secrets,
        clients: await example.mockClients(origin, secrets),
      };
    }),
  );
  const mock = await startMockIdp({
    ...options.mock,
    port: 0,
    host: '127.0.0.1',
    clients: planned.flatMap((p) => p.clients) as StartMockIdpOptions['clients'],
  });
  const running: RunningExample[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const p of planned) {
      const app = await p.example.start({
        port: p.port,
        host: '127.0.0.1',
        issuer: mock.issuer,
        origin: p.origin,
        secrets: p.secrets,
        ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
        ...(options.now === undefined ? {} : { now: options.now }),
      });
      running.push(app);
      urls[p.example.id] = app.url;
    }
  } catch (error) {
    await Promise.allSettled(running.map((app) => app.close()));
    await mock.close();
    throw error;
  }
  return {
    mock,
    urls,
    async close() {
      await Promise.allSettled(running.map((app) => app.close()));
      await mock.close();
    },
  };
}
