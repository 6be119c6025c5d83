/**
 * Sends one raw Redis command through node-redis (`sendCommand([...])`) or ioredis
 * (`call(name, ...args)`), so the atomic forms we need (`SET ... NX PX`, `GETDEL`) need no
 * per-client option syntax. We depend on no Redis library.
 */
import { bounded, STORE_TIMEOUT_MS } from '../bounded';
import { DinhDanhError } from '../errors';

/** A connected node-redis (v4/v5) or ioredis client; we never connect or quit it. */
export type RedisCommandClient =
  | { sendCommand(args: string[]): Promise<unknown> }
  | { call(command: string, ...args: string[]): Promise<unknown> };

/** Runs a command; failures, and no answer within `STORE_TIMEOUT_MS`, become `store_unavailable`. */
export type RunCommand = (args: string[]) => Promise<unknown>;

function unavailable(what: string, cause: unknown): DinhDanhError {
  return new DinhDanhError(
    'store_unavailable',
    `The ${what} did not answer. Check the Redis connection.`,
    {
      cause,
    },
  );
}

const timedOut = () => new Error('Redis command timed out');

/**
 * The command runner for a client.
 * @throws `config_invalid` when the client has neither `sendCommand` nor `call`.
 */
export function commandRunner(client: RedisCommandClient, what: string): RunCommand {
  const probe = client as unknown as {
    isOpen?: unknown;
    sendCommand?: unknown;
    call?: unknown;
  };
  // ioredis also has a `sendCommand`, taking a Command object: node-redis is the one with `isOpen`.
  if (typeof probe.isOpen === 'boolean' && typeof probe.sendCommand === 'function') {
    const send = probe.sendCommand.bind(client) as (args: string[]) => Promise<unknown>;
    return async (args) => {
      try {
        return await bounded(send(args), STORE_TIMEOUT_MS, timedOut);
      } catch (cause) {
        throw unavailable(what, cause);
      }
    };
  }
  if (typeof probe.call === 'function') {
    const call = probe.call.bind(client) as (
      command: string,
      ...args: string[]
    ) => Promise<unknown>;
    return async ([command = '', ...args]) => {
      try {
        return await bounded(call(command, ...args), STORE_TIMEOUT_MS, timedOut);
      } catch (cause) {
        throw unavailable(what, cause);
      }
    };
  }
  throw new DinhDanhError(
    'config_invalid',
    `The ${what} needs a connected node-redis client (createClient()) or ioredis client (new Redis()).`,
  );
}

/** A reply as text (`undefined` for nil). */
export function replyText(reply: unknown): string | undefined {
  if (reply === null || reply === undefined) return undefined;
  if (typeof reply === 'string') return reply;
  if (reply instanceof Uint8Array) return new TextDecoder().decode(reply);
  throw new DinhDanhError('store_unavailable', 'Redis answered with an unexpected reply type.');
}

/**
 * The `PX` (time to live) of a key that expires at `expiresAt` on the caller's clock: a
 * positive whole number of milliseconds. Relative, not `PXAT`, so the key lives as long as
 * meant even when Redis's clock disagrees with the app's (or the app runs on a test clock).
 */
export function ttlMs(expiresAt: number, now: () => number): string {
  return String(Math.max(1, Math.ceil(expiresAt - now())));
}
