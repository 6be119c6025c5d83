/** Serves a web-standard handler on node:http through core's safe translation. */
import { createServer } from 'node:http';
import { toNodeHandler, type WebHandler } from '@dinhdanh/core/node';
import type { RunningExample } from '../../demo-contract.ts';

/** Listens on `host:port` (0: a free port); resolves once listening. */
export async function serve(
  handler: WebHandler,
  { port, host, origin }: { port: number; host: string; origin: string },
): Promise<RunningExample> {
  // The app's origin is configured, never read from the request's Host header.
  const server = createServer(toNodeHandler(handler, { origin }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
