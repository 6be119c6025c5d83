/**
 * A TCP switch in front of the mock provider, so the provider can really go away: `down`
 * refuses connections (nothing listens on its port), `hang` accepts them and never answers,
 * `up` forwards to the mock. The issuer is the switch's URL, so the relying party and the
 * browsers both reach the provider through it.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type SwitchMode = 'up' | 'down' | 'hang';

export interface ProviderSwitch {
  readonly port: number;
  readonly url: string;
  /** Where `up` forwards (set once the mock listens). */
  target: number;
  set(mode: SwitchMode): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

/** Starts the switch on a free port, `up`. */
export async function startSwitch(): Promise<ProviderSwitch> {
  let mode: SwitchMode = 'up';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'hang') return; // accepted, never answered
    const upstream = connect(sw.target, '127.0.0.1');
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const port = await listen(server, 0);
  const sw: ProviderSwitch = {
    port,
    url: `http://127.0.0.1:${port}`,
    target: 0,
    async set(next) {
      if (next === mode) return;
      const wasDown = mode === 'down';
      mode = next;
      dropAll();
      if (next === 'down') {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      } else if (wasDown) {
        await listen(server, port);
      }
    },
    async close() {
      dropAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return sw;
}
