/**
 * Where a userinfo-only login may send tokens: only the configured issuer's own
 * endpoints, over https (http only for localhost). Without an ID token, TLS to the
 * issuer is the only thing vouching for the identity.
 */
import type * as client from 'openid-client';
import { DinhDanhError } from '../../errors';
import { secureUrlOn } from '../../http/secure-url';

/** Returns the endpoint URL when it is on the issuer's origin over https (or local http). */
export function issuerEndpoint(
  issuer: string,
  metadata: client.ServerMetadata,
  name: 'token_endpoint' | 'userinfo_endpoint',
): URL {
  const url = secureUrlOn(new URL(issuer).origin, metadata[name]);
  if (url === undefined) {
    throw new DinhDanhError(
      'provider_response_invalid',
      `The provider's ${name} is missing, not https, or not on the configured issuer; refused.`,
      { path: name },
    );
  }
  return url;
}
