import { generateKeyPairSync } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningExample } from '../../demo-contract';
import { createUtilityKiosk, type UtilityKioskConfig } from './app';
import { ensureClientBundle } from './client-bundle';

/**
 * Builds the client when needed, then serves the kiosk on `host:port`. Without a partner key,
 * a fresh RSA key is made for this run (the share flow's mock client needs none registered:
 * its answers are not enveloped).
 */
export async function serveUtilityKiosk(
  config: Omit<UtilityKioskConfig, 'clientDir' | 'partnerPrivateKey'> & {
    readonly partnerPrivateKey?: string;
  },
  port: number,
  host: string,
): Promise<RunningExample> {
  const clientDir = await ensureClientBundle();
  const partnerPrivateKey =
    config.partnerPrivateKey ??
    generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
  const app = createUtilityKiosk({ ...config, partnerPrivateKey, clientDir });
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
