/**
 * `createMockIdp(options)`: one OpenID Provider answering web-standard Requests. No server,
 * no framework: serve `idp.fetch` from node:http (`startMockIdp`), msw, Bun, Deno or a test.
 */
import { DinhDanhError } from '@dinhdanh/core';
import { answerDevice, type DeviceAnswer } from './authorization/device';
import type { Context } from './context';
import type { ArmedFault, FaultSpec } from './faults/catalogue';
import { Switchboard } from './faults/switchboard';
import { Keyring } from './keys/keyring';
import { describeConfigIssues } from './config-issues';
import {
  mockIdpOptionsSchema,
  withClientDefaults,
  type MockClient,
  type MockIdpOptions,
} from './options';
import * as pages from './pages';
import { loadPersonas } from './personas/registry';
import type { Persona } from './personas/schema';
import { resetShares } from './share/store';
import { MemoryStore } from './store/memory';
import type { LogoutDelivery } from './store/types';
import { dispatch } from './routing/table';
import { oauthError } from './util/http';

/** The result of {@link MockIdp.rotateKeys}. */
export interface KeyRotation {
  /** The key that signed until now; still published for the grace period. */
  readonly previousKid: string;
  /** The key that signs from now on (it was already published as the next key). */
  readonly currentKid: string;
  /** The new next key, published now, used at the following rotation. */
  readonly nextKid: string;
}

/** A running mock identity provider. */
export interface MockIdp {
  /** The issuer identifier; every endpoint lives under it. */
  readonly issuer: string;
  /** Answer any request to the provider (endpoints, pages, admin API). Never throws. */
  fetch(request: Request): Promise<Response>;
  /** Resolves when the signing keys exist (`fetch` waits for it by itself). */
  readonly ready: Promise<void>;
  /** Arm faults for the next N matching requests. @throws input_invalid */
  setFaults(faults: FaultSpec | readonly FaultSpec[]): void;
  /** Disarm every fault. */
  clearFaults(): void;
  /** The armed faults and their remaining counts. */
  readonly faults: readonly ArmedFault[];
  /** Rotate the signing keys (the next key is already published). */
  rotateKeys(): Promise<KeyRotation>;
  /** Forget every code, token, session, interaction and delivered logout; disarm faults. Keys stay. */
  reset(): void;
  /** Back-channel logouts delivered (or attempted), oldest first. */
  readonly logouts: readonly LogoutDelivery[];
  /** Every persona (built-in and custom). */
  readonly personas: readonly Persona[];
  /** The registered clients. */
  readonly clients: readonly MockClient[];
  /** Answer a device authorization headlessly, as the phone page would. */
  approveDevice(userCode: string, personaId?: string, decision?: 'approve' | 'deny'): DeviceAnswer;
  /** Nothing to release (in-memory); present so servers can close it uniformly. */
  close(): Promise<void>;
}

/**
 * Create a mock OpenID Provider.
 *
 * @param options - issuer, clients, personas, algorithms, lifetimes; all optional
 *   (default: issuer `http://127.0.0.1:9400`, the development client {@link DEV_CLIENT}).
 * @returns the provider; serve `idp.fetch`.
 * @throws config_invalid when the options (a client, a persona) are invalid.
 *
 * @example
 * ```ts
 * const idp = createMockIdp({ issuer: 'http://127.0.0.1:9400', autoApprove: true });
 * const res = await idp.fetch(new Request(`${idp.issuer}/.well-known/openid-configuration`));
 * ```
 */
export function createMockIdp(options: MockIdpOptions = {}): MockIdp {
  const parsed = mockIdpOptionsSchema.safeParse(withClientDefaults(options));
  if (!parsed.success) {
    // every problem at once, each naming its field
    const first = parsed.error.issues[0];
    throw new DinhDanhError(
      'config_invalid',
      describeConfigIssues('mock-idp options', parsed.error.issues),
      { path: first?.path.join('.') ?? '' },
    );
  }
  const resolved = parsed.data;
  const clients = new Map<string, MockClient>();
  for (const client of resolved.clients) {
    if (clients.has(client.clientId)) {
      throw new DinhDanhError(
        'config_invalid',
        `mock-idp options: clientId ${client.clientId} is registered twice`,
        {
          path: 'clients',
        },
      );
    }
    clients.set(client.clientId, client);
  }
  const now = resolved.now ?? (() => Date.now());
  const personas = loadPersonas(resolved.personas, now());
  const store = new MemoryStore();
  const faults = new Switchboard();
  const deliver = resolved.fetch ?? ((request: Request) => fetch(request));
  const issuerPath = new URL(resolved.issuer).pathname.replace(/\/$/, '');

  let ctx: Context | undefined;
  const ready = Keyring.create(resolved.signingAlg, resolved.lifetimes.keyGrace).then((keys) => {
    ctx = {
      options: resolved,
      issuer: resolved.issuer,
      clients,
      personas,
      store,
      keys,
      faults,
      pages,
      now,
      fetch: deliver,
    };
  });
  const context = async (): Promise<Context> => {
    await ready;
    if (ctx === undefined) throw new Error('mock-idp keys failed to initialise');
    return ctx;
  };

  const reset = () => {
    store.reset();
    resetShares(store);
    faults.clear();
  };
  const rotateKeys = async (): Promise<KeyRotation> => (await context()).keys.rotate(now());
  let lastSweep = now();

  async function handle(request: Request): Promise<Response> {
    const c = await context();
    if (now() - lastSweep > 10_000) {
      lastSweep = now();
      store.sweep(lastSweep);
    }
    const pathname = new URL(request.url).pathname;
    if (!pathname.startsWith(issuerPath))
      return oauthError('not_found', 'not an endpoint of this provider', 404);
    const path = pathname.slice(issuerPath.length) || '/';
    return dispatch(c, { rotateKeys, reset }, request, path);
  }

  return {
    issuer: resolved.issuer,
    ready,
    async fetch(request) {
      try {
        return await handle(request);
      } catch {
        return oauthError(
          'server_error',
          'the mock identity provider failed; this is a bug, please report it',
          500,
        );
      }
    },
    setFaults(specs) {
      faults.set(Array.isArray(specs) ? (specs as readonly FaultSpec[]) : [specs as FaultSpec]);
    },
    clearFaults: () => faults.clear(),
    get faults() {
      return faults.list();
    },
    rotateKeys,
    reset,
    get logouts() {
      return [...store.logouts];
    },
    personas,
    clients: [...clients.values()],
    approveDevice(userCode, personaId, decision = 'approve') {
      if (ctx === undefined)
        return { ok: false, error: 'temporarily_unavailable', description: 'not ready yet' };
      return answerDevice(ctx, userCode, personaId, decision);
    },
    close: async () => {
      await ready;
    },
  };
}
