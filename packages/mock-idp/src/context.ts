/** What every endpoint of one mock identity provider shares. */
import type { PageRenderers } from './page-models';
import type { Keyring } from './keys/keyring';
import type { MockClient, ResolvedMockIdpOptions } from './options';
import type { Persona } from './personas/schema';
import type { MemoryStore } from './store/memory';
import type { Switchboard } from './faults/switchboard';

/** Endpoint paths, relative to the issuer. */
export const PATHS = {
  discovery: '/.well-known/openid-configuration',
  oauthMetadata: '/.well-known/oauth-authorization-server',
  jwks: '/jwks',
  authorize: '/authorize',
  par: '/par',
  token: '/token',
  userinfo: '/userinfo',
  revocation: '/revoke',
  endSession: '/end_session',
  deviceAuthorization: '/device_authorization',
  device: '/device',
  interaction: '/interaction',
  admin: '/__mock',
} as const;

/** The shared state and configuration of one mock. */
export interface Context {
  readonly options: ResolvedMockIdpOptions;
  readonly issuer: string;
  readonly clients: Map<string, MockClient>;
  personas: Persona[];
  readonly store: MemoryStore;
  readonly keys: Keyring;
  readonly faults: Switchboard;
  readonly pages: PageRenderers;
  readonly now: () => number;
  /** fetch used for back-channel logout delivery. */
  readonly fetch: (request: Request) => Promise<Response>;
}

/** Absolute URL of an endpoint. */
export function endpointUrl(ctx: Pick<Context, 'issuer'>, path: string): string {
  return `${ctx.issuer}${path}`;
}

/** Seconds since epoch from the context clock. */
export function epochSeconds(ctx: Pick<Context, 'now'>): number {
  return Math.floor(ctx.now() / 1000);
}
