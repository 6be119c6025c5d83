/**
 * What every example exports for the demo (`pnpm demo`, scripts/demo.mjs) and for the
 * browser tests (tests/e2e): the default export of `examples/<id>/src/demo.ts`.
 *
 * One mock identity provider serves every example: the demo starts it, registers the
 * clients each example asks for, then starts each example on its own port.
 */
export interface DemoExample {
  /** The folder name, e.g. `bank-express`. */
  readonly id: string;
  /** Shown in the demo's list, e.g. `Ngân hàng Demo (Express, server-rendered)`. */
  readonly title: string;
  /** The port the demo starts it on (bank-express 3001, tax-portal-react 3002, social-insurance 3003, utility-qr 3004). */
  readonly port: number;
  /** One line: what to try there, printed beside its URL. */
  readonly tryThis: string;
  /**
   * The clients this example needs on the mock, in the mock's client option shape
   * (`MockIdpOptions['clients'][number]` of `@dinhdanh/mock-idp`), given the origin the
   * example will be served on and the secrets the demo generated for it.
   */
  mockClients(
    origin: string,
    secrets: DemoSecrets,
  ): Promise<readonly unknown[]> | readonly unknown[];
  /** Starts the example; resolves once it listens. Works when imported from source by vitest. */
  start(options: DemoStartOptions): Promise<RunningExample>;
}

/** Development secrets the demo generates on first start (kept in `.demo/`, never committed). */
export interface DemoSecrets {
  /** At least 32 characters: the example's client secret at the mock. */
  readonly clientSecret: string;
  /** At least 32 characters: the example's session-sealing secret. */
  readonly sessionSecret: string;
}

/** Where and against what an example starts. */
export interface DemoStartOptions {
  /** Port to listen on; 0 picks a free one (the tests do). */
  readonly port: number;
  /** Interface to bind; the demo and the tests use 127.0.0.1. */
  readonly host: string;
  /** The mock identity provider's issuer URL. */
  readonly issuer: string;
  /** The origin the example is reached at (`http://127.0.0.1:<port>`), as given to {@link DemoExample.mockClients}. */
  readonly origin: string;
  readonly secrets: DemoSecrets;
  /** Redis for sessions, when set (`REDIS_URL`). */
  readonly redisUrl?: string;
  /** The clock, for tests that run at another date. */
  readonly now?: () => Date;
}

/** A started example. */
export interface RunningExample {
  /** Its base URL. */
  readonly url: string;
  /** Stops it and closes its connections. */
  close(): Promise<void>;
}
