/**
 * Checks that need both the validated options and the provider profile, made once in
 * `createRelyingParty` so that a mismatch fails at start-up, not on the first login:
 * the client authentication a plug-in protocol demands, and static endpoints (a provider
 * that publishes no discovery document) on the issuer's origin.
 */
import type { ServerMetadata } from 'openid-client';
import type { MetadataCache } from '../discovery/metadata';
import { DinhDanhError } from '../errors';
import { secureUrlOn } from '../http/secure-url';
import type { ProviderProfile, StaticEndpoints } from '../providers/profile';
import type { RelyingPartyOptions } from './schema';

/**
 * Refuses a client authentication the profile's protocol cannot use.
 * @throws DinhDanhError `config_invalid` naming the method to set.
 */
export function checkProviderAuth(options: RelyingPartyOptions, profile: ProviderProfile): void {
  const wanted = profile.protocol?.tokenAuth;
  if (wanted === undefined || options.clientAuth.method === wanted) return;
  throw new DinhDanhError(
    'config_invalid',
    `Invalid relying party configuration. The ${profile.id} provider profile authenticates at the token endpoint with ${wanted} only: set clientAuth to { method: "${wanted}", clientSecret } (not ${options.clientAuth.method}).`,
    { path: 'clientAuth.method' },
  );
}

function endpointUrl(issuer: URL, name: keyof StaticEndpoints, value: unknown): string {
  const url = secureUrlOn(issuer.origin, value);
  if (url === undefined) {
    throw new DinhDanhError(
      'config_invalid',
      `Invalid relying party configuration. endpoints.${name} must be an absolute https: URL on the issuer's origin ${issuer.origin} (http: only for localhost and 127.0.0.1).`,
      { path: `provider.endpoints.${name}` },
    );
  }
  return url.href;
}

/**
 * Metadata from configured endpoints instead of discovery, checked now: each endpoint on
 * the issuer's origin over https (http only for localhost).
 * @throws DinhDanhError `config_invalid` naming the endpoint to fix.
 */
export function staticMetadata(issuer: string, endpoints: StaticEndpoints): MetadataCache {
  const origin = new URL(issuer);
  if (typeof endpoints !== 'object' || endpoints === null) {
    throw new DinhDanhError(
      'config_invalid',
      'Invalid relying party configuration. endpoints must be { authorization, token, userinfo }.',
      { path: 'provider.endpoints' },
    );
  }
  const metadata: ServerMetadata = Object.freeze({
    issuer,
    authorization_endpoint: endpointUrl(origin, 'authorization', endpoints.authorization),
    token_endpoint: endpointUrl(origin, 'token', endpoints.token),
    userinfo_endpoint: endpointUrl(origin, 'userinfo', endpoints.userinfo),
    response_types_supported: ['code'],
  });
  return { get: () => Promise.resolve(metadata), peek: () => metadata, clear: () => undefined };
}
