import type { IncomingMessage, ServerResponse } from 'node:http';
import { DinhDanhError, meetsLevel, type AssuranceLevel } from '@dinhdanh/core';
import { getState } from './context';
import { bearerChallenge, isNavigation, notMounted, sendError, type Next } from './respond';

/** Options of {@link requireIdentity}. */
export interface RequireIdentityOptions {
  /** Minimum assurance level (default: any logged-in session). */
  level?: AssuranceLevel;
  /** The named login request (`options.requests`) a browser is sent to start. */
  request?: string;
}

/** A returnTo is a path on this app: exactly one leading `/`, no backslash. */
function returnToOf(req: IncomingMessage): string {
  const original =
    (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  return /^\/(?![/\\])/.test(original) && !original.includes('\\') ? original : '/';
}

/**
 * Lets a request through only with a session at `level` or above. Browsers navigating are
 * redirected to log in (or to step up when the session's level is too low), keeping
 * `returnTo`; API callers get 401 with `WWW-Authenticate: Bearer` — and, when the level
 * is too low, `error="insufficient_user_authentication"` and `acr_values` (RFC 9470). A
 * provider that keeps answering a lower level ends at the callback's error page, never in
 * a redirect loop. When the session store is down the answer is 503, never a pass.
 *
 * @param options - `level`, `request`.
 * @returns An Express middleware.
 * @example
 * ```ts
 * app.get('/transfer', requireIdentity({ level: 2 }), (req, res) => res.send('ok'));
 * ```
 */
export function requireIdentity(options: RequireIdentityOptions = {}) {
  const level = options.level ?? 0;
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const state = getState(req);
    if (state === undefined) return next(notMounted('requireIdentity'));
    if (state.sessionError !== undefined) {
      sendError(req, res, state.sessionError).catch(next);
      return;
    }
    const session = (req as IncomingMessage & Pick<Express.Request, 'session'>).session;
    if (session !== undefined && meetsLevel(session.level, level)) return next();
    const stepUp = session !== undefined;
    if (isNavigation(req)) {
      const query = new URLSearchParams({ returnTo: returnToOf(req) });
      if (level > 0) query.set('level', String(level));
      if (options.request !== undefined) query.set('request', options.request);
      if (stepUp) query.set('stepUp', '1');
      res.statusCode = 302;
      res.setHeader('location', `${state.basePath}/login?${query.toString()}`);
      res.setHeader('cache-control', 'no-store');
      res.end();
      return;
    }
    const acrValues = state.rp.acrValuesFor?.(level).join(' ');
    const error = stepUp
      ? new DinhDanhError(
          'insufficient_level',
          `This needs assurance level ${String(level)}: log in again at that level.`,
          {
            status: 401,
          },
        )
      : new DinhDanhError('session_missing', 'Log in first.');
    const challenge = stepUp
      ? bearerChallenge({
          error: 'insufficient_user_authentication',
          error_description: 'A higher level of authentication is required',
          acr_values: acrValues,
        })
      : bearerChallenge({});
    sendError(req, res, error, { 'www-authenticate': challenge }).catch(next);
  };
}
