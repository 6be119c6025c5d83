import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningExample } from '../../demo-contract';
import { createTaxPortal, type TaxPortalConfig } from './app';
import { ensureClientBundle } from './client-bundle';

/** Builds the client when needed, then serves the portal on `host:port`. */
export async function serveTaxPortal(
  config: Omit<TaxPortalConfig, 'clientDir'>,
  port: number,
  host: string,
): Promise<RunningExample> {
  const clientDir = await ensureClientBundle();
  const app = createTaxPortal({ ...config, clientDir });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${String(address.port)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
