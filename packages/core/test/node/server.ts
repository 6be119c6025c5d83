/** A real node:http server on 127.0.0.1:0 serving a web handler, and a raw-socket client. */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { toNodeHandler, type ToWebRequestOptions, type WebHandler } from '@dinhdanh/core/node';

export interface Running {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function serve(handler: WebHandler, options?: ToWebRequestOptions): Promise<Running> {
  const server: Server = createServer(toNodeHandler(handler, options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  readonly status: number;
  readonly head: string;
  readonly body: string;
}

/** Sends bytes exactly as given (request-targets fetch would normalise) and reads the answer. */
export function raw(
  port: number,
  text: string | Uint8Array,
  timeoutMs = 5000,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer in time'));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks).toString('latin1');
      const split = all.indexOf('\r\n\r\n');
      const head = split === -1 ? all : all.slice(0, split);
      let body = split === -1 ? '' : all.slice(split + 4);
      if (/transfer-encoding: chunked/i.test(head)) body = unchunk(body);
      resolve({ status: Number(head.split(' ')[1]), head, body });
    });
    socket.write(text);
  });
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (let guard = 0; guard < 10_000; guard += 1) {
    const line = rest.indexOf('\r\n');
    const size = Number.parseInt(rest.slice(0, line), 16);
    if (!Number.isFinite(size) || size === 0) break;
    out += rest.slice(line + 2, line + 2 + size);
    rest = rest.slice(line + 2 + size + 2);
  }
  return out;
}
