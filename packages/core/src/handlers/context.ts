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

/**
 * Reads the request's URL (for its path and query only) and cookies, and decides the
 * cookie attributes from the trusted origin.
 */
export function requestContext(request: Request, options: ResolvedOptions): RequestContext {
  return {
    request,
    url: new URL(request.url),
    origin: options.origin,
    cookies: requestCookies(request),
    policy: options.cookiePolicy,
    headers: noStoreHeaders(),
  };
}
