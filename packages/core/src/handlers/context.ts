import { requestCookies, type CookiePolicy, type RequestCookies } from '../sessions/cookies';
import type { ResolvedOptions } from './options';
import { noStoreHeaders } from './responses';

/** What every handler needs to know about one request. */
export interface RequestContext {
  readonly request: Request;
  readonly url: URL;
  /** The app's trusted origin: configured, or the redirect URI's; never the request URL's. */
  readonly origin: string;
  readonly cookies: RequestCookies;
  readonly policy: CookiePolicy;
  /**
   * Headers of the response, whatever it turns out to be: handlers put the cookies to set
   * or clear here, and the error response carries them too (one merge, in `guarded`).
   */
  readonly headers: Headers;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads the request's URL (for its path and query only) and cookies, and decides the
 * cookie attributes from the trusted origin.
 */
export function requestContext(request: Request, options: ResolvedOptions): RequestContext {
  const url = new URL(request.url);
  const origin = options.origin;
  const originUrl = new URL(origin);
  const local = originUrl.protocol === 'http:' && LOOPBACK.has(originUrl.hostname);
  return {
    request,
    url,
    origin,
    cookies: requestCookies(request),
    policy: { secure: options.secureCookies ?? !local, path: '/' },
    headers: noStoreHeaders(),
  };
}
