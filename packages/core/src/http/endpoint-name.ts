/** Names a provider URL by the metadata field it comes from, for an error's `path`. */
import type { ServerMetadata } from 'openid-client';

/** The discovery document's URL for an issuer (OpenID Connect Discovery 1.0 §4). */
export function wellKnownUrl(issuer: string): string {
  const url = new URL(issuer);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  url.pathname = `${path}.well-known/openid-configuration`;
  return url.href;
}

function withoutQuery(value: string): string | undefined {
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/**
 * The metadata field (`token_endpoint`, `jwks_uri`, ...) whose URL `url` is, `issuer` for
 * the discovery document, else `endpoint`: never the URL itself, which may carry a query.
 */
export function endpointName(
  issuer: string,
  metadata: ServerMetadata | undefined,
  url: string,
): string {
  const target = withoutQuery(url);
  if (target === undefined) return 'endpoint';
  if (target === withoutQuery(wellKnownUrl(issuer))) return 'issuer';
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (typeof value === 'string' && name !== 'issuer' && withoutQuery(value) === target) {
      return name;
    }
  }
  return 'endpoint';
}
