/**
 * msw 2 handlers for the mock identity provider: a test logs in with no port at all,
 * because every request to the issuer is answered in-process by `idp.fetch`.
 *
 * @packageDocumentation
 */
import { http, type HttpHandler } from 'msw';

/** What the handlers need from a mock identity provider (`createMockIdp(…)` returns it). */
export interface FetchableIdp {
  /** The issuer URL; every endpoint lives under it. */
  readonly issuer: string;
  /** Answers one request to any endpoint. */
  fetch(request: Request): Promise<Response>;
}

/**
 * msw 2 request handlers that forward every request under the issuer (any method) to
 * `idp.fetch`, so openid-client or the SDK talk to the mock without a server.
 *
 * @param idp - The provider from `createMockIdp`; its issuer can be any URL
 *   (e.g. `https://vneid.mock.test`), nothing listens on it.
 * @returns Handlers to pass to `setupServer(...)` or `server.use(...)`.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockIdp } from '@dinhdanh/mock-idp';
 * import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
 *
 * const idp = createMockIdp({ issuer: 'https://vneid.mock.test', autoApprove: true });
 * const server = setupServer(...mockIdpHandlers(idp));
 * server.listen({ onUnhandledRequest: 'error' });
 * ```
 */
export function mockIdpHandlers(idp: FetchableIdp): HttpHandler[] {
  const issuer = idp.issuer.replace(/\/+$/, '');
  // msw hands the resolver its own copy of the request; the provider reads it as is.
  const forward = ({ request }: { request: Request }) => idp.fetch(request);
  return [http.all(issuer, forward), http.all(`${issuer}/*`, forward)];
}
