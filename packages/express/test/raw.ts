/** Sends a request byte for byte (request-targets supertest and fetch would normalise). */
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  readonly port: number;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<Listening> {
  const server: Server = await new Promise((resolve) => {
    const started: Server = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Status line and headers of the answer to `text` (the connection is closed by the server). */
export function raw(port: number, text: string): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer in time'));
    }, 5000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks).toString('latin1');
      const head = all.slice(0, Math.max(0, all.indexOf('\r\n\r\n')));
      resolve({ status: Number(head.split(' ')[1]), head });
    });
    socket.write(text);
  });
}
