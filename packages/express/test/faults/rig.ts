/**
 * The app under fault: a real Express 5 app with @dinhdanh/express listening on 127.0.0.1,
 * the mock provider behind a {@link ProviderSwitch}, sessions in a cookie or in a store.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import express from 'express';
import type {
  RelyingParty,
  RelyingPartyConfig,
  SessionStorage,
  SessionStore,
} from '@dinhdanh/core';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';
import { dinhdanh, requireIdentity } from '@dinhdanh/express';
import { mockClient, relyingParty, SEAL_SECRET } from '../support';
import { startSwitch, type ProviderSwitch } from './switch';

export interface Rig {
  /** The app's origin, `http://127.0.0.1:<port>`. */
  readonly app: string;
  readonly mock: RunningMockIdp;
  readonly provider: ProviderSwitch;
  readonly rp: RelyingParty;
  close(): Promise<void>;
}

export interface RigOptions {
  readonly storage?: SessionStorage;
  readonly store?: SessionStore;
  readonly rp?: Partial<RelyingPartyConfig>;
  /** Start with the provider unreachable (the app starts anyway). */
  readonly providerDown?: boolean;
}

/** Every handler-level timeout of the relying party: what bounds a hanging provider. */
export const HTTP_TIMEOUT_MS = 1_000;

/** Starts the mock, the switch and the app; the mock's client knows the app's callback. */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const provider = await startSwitch();
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const app = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const mock = await startMockIdp({
    port: 0,
    issuer: provider.url,
    autoApprove: true,
    clients: [
      mockClient('rp-faults', {
        redirectUris: [`${app}/auth/callback`],
        postLogoutRedirectUris: [`${app}/`],
      }),
    ],
  });
  provider.target = new URL(mock.url).port === '' ? 80 : Number(new URL(mock.url).port);
  if (options.providerDown === true) await provider.set('down');
  const rp = relyingParty(provider.url, 'rp-faults', {
    redirectUri: `${app}/auth/callback`,
    postLogoutRedirectUri: `${app}/`,
    httpTimeoutMs: HTTP_TIMEOUT_MS,
    ...options.rp,
  });
  const expressApp = express();
  expressApp.use(
    dinhdanh({
      rp,
      secrets: SEAL_SECRET,
      origin: app,
      sessions: {
        ...(options.storage === undefined ? {} : { storage: options.storage }),
        ...(options.store === undefined ? {} : { store: options.store }),
      },
      requests: { default: { claims: ['name'] } },
    }),
  );
  expressApp.get('/whoami', requireIdentity(), (req, res) => {
    res.json({ name: req.identity?.attributes.name?.full ?? null });
  });
  handle = expressApp;
  return {
    app,
    mock,
    provider,
    rp,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await provider.close();
      await mock.close();
    },
  };
}
