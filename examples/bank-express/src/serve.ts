/** Starts a bank on a port and stops it cleanly (open connections included). */
import type { BankConfig } from './config';
import { createBank, listen } from './app';

/** A listening bank. */
export interface RunningBank {
  readonly url: string;
  close(): Promise<void>;
}

/** Builds the bank and listens on `host:port` (0 = a free port). */
export async function serveBank(
  config: BankConfig,
  port: number,
  host: string,
): Promise<RunningBank> {
  const bank = await createBank(config);
  let server;
  try {
    server = await listen(bank.app, port, host);
  } catch (error) {
    await bank.close();
    throw error;
  }
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${host}:${bound}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bank.close();
    },
  };
}
