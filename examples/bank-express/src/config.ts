/** What the bank needs to run: where the identity provider is, its client, its secrets. */
import type { ProviderProfile } from '@dinhdanh/core';

/** The bank's configuration (the demo and `pnpm start` each build one). */
export interface BankConfig {
  /** The identity provider's issuer URL (the mock: `http://127.0.0.1:9400`). */
  readonly issuer: string;
  /** The provider profile: `vneid()` against the mock's `vneid-sso` client, `oidc()` otherwise. */
  readonly provider: ProviderProfile;
  /** The bank's client at the provider. */
  readonly clientId: string;
  /** Its client secret (≥ 32 characters). */
  readonly clientSecret: string;
  /** The origin the bank is reached at, e.g. `http://127.0.0.1:3001`. */
  readonly origin: string;
  /** Seals the session cookies (≥ 32 characters). */
  readonly sessionSecret: string;
  /**
   * Whether the provider knows `<origin>/` as a post-logout redirect URI: then logging out
   * comes back to the bank; without it the provider's own "logged out" page is shown.
   */
  readonly postLogoutRedirect: boolean;
  /** Redis for sessions, logout-token marks and consent receipts; memory without it. */
  readonly redisUrl?: string;
  /** The clock, epoch milliseconds. */
  readonly now?: () => number;
}

/** The bank's client at the mock, with its redirect, post-logout and back-channel URIs. */
export function bankClient(origin: string, clientId: string, clientSecret: string) {
  return {
    clientId,
    clientSecret,
    name: 'Ngân hàng Demo',
    dialect: 'vneid-sso',
    redirectUris: [`${origin}/auth/callback`],
    postLogoutRedirectUris: [`${origin}/`],
    backchannelLogoutUri: `${origin}/auth/backchannel-logout`,
    authMethods: ['client_secret_basic'],
  } as const;
}
