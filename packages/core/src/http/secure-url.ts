/** Which URLs may carry tokens and identity to and from a provider configured by its issuer. */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `value` as a URL when it is absolute, on `origin`, and https (http only for localhost);
 * `undefined` otherwise. Used for static endpoints (config) and for the endpoints a
 * userinfo-only login calls.
 */
export function secureUrlOn(origin: string, value: unknown): URL | undefined {
  let url: URL;
  try {
    if (typeof value !== 'string') return undefined;
    url = new URL(value);
  } catch {
    return undefined;
  }
  const secure =
    url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
  return secure && url.origin === origin ? url : undefined;
}
