/**
 * The parts of Node's `http.IncomingMessage` and `http.ServerResponse` the translation
 * uses, declared structurally: core's runtime code imports nothing from `node:` (it runs on
 * edge runtimes too), and Bun's and Deno's node:http objects fit as well.
 */

/** The parts of `http.IncomingMessage` that {@link toWebRequest} reads. */
export interface NodeIncomingRequest {
  /** Request method as parsed by Node (`GET`, `POST`, ...). */
  readonly method?: string | undefined;
  /** The request-target as sent: origin-form (`/path?q`), absolute-form or `*`. */
  readonly url?: string | undefined;
  /** Header values, lower-case names; repeated headers as arrays. */
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Whether the whole body was already read (by a body parser). */
  readonly readableEnded?: boolean;
  /** The connection: its local address names the server when no origin is configured. */
  readonly socket?: {
    readonly encrypted?: boolean;
    readonly localAddress?: string | undefined;
    readonly localPort?: number | undefined;
  } | null;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  pause(): unknown;
  resume(): unknown;
  destroy(error?: Error): unknown;
}

/** The parts of `http.ServerResponse` that {@link sendWebResponse} writes. */
export interface NodeServerResponse {
  readonly headersSent: boolean;
  readonly destroyed?: boolean;
  statusCode: number;
  setHeader(name: string, value: string | readonly string[]): unknown;
  write(chunk: Uint8Array): boolean;
  end(): unknown;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  destroy(error?: Error): unknown;
}
