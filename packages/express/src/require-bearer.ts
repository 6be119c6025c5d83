import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DinhDanhError,
  isDinhDanhError,
  type AssuranceLevel,
  type RelyingParty,
} from '@dinhdanh/core';
import { getState } from './context';
import { bearerChallenge, notMounted, sendError, type Next } from './respond';

/** Options of {@link requireBearer}. */
export interface RequireBearerOptions {
  /** This API's identifier: the token's `aud` must contain it. */
  audience: string | readonly string[];
  /** Minimum assurance level of the login behind the token. */
  level?: AssuranceLevel;
  /** Scopes that must all be granted (403 `insufficient_scope` otherwise). */
  scopes?: readonly string[];
  /** The relying party whose provider issued the token (default: the one `dinhdanh()` got). */
  rp?: RelyingParty;
}

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * Lets a request through only with a valid RFC 9068 JWT access token from the provider
 * (`Authorization: Bearer ...`, verified by core's `verifyAccessToken`), and puts it on
 * `req.accessToken`. Missing or invalid: 401 `invalid_token`; level too low: 401
 * `insufficient_user_authentication` with `acr_values` (RFC 9470); scope missing: 403
 * `insufficient_scope`; provider keys unreachable: its 5xx, never a pass.
 *
 * @param options - `audience`, `level`, `scopes`.
 * @returns An Express middleware.
 * @example
 * ```ts
 * app.get('/api/balance', requireBearer({ audience: 'https://api.bank.example', level: 2 }), handler);
 * ```
 */
export function requireBearer(options: RequireBearerOptions) {
  const run = async (req: IncomingMessage, res: ServerResponse, next: Next): Promise<void> => {
    const rp = options.rp ?? getState(req)?.rp;
    if (rp === undefined || getState(req) === undefined) return next(notMounted('requireBearer'));
    const match = BEARER.exec(req.headers.authorization ?? '');
    if (match === null) {
      const error = new DinhDanhError(
        'token_invalid',
        'Send an access token: Authorization: Bearer <token>.',
      );
      return sendError(req, res, error, { 'www-authenticate': bearerChallenge({}) });
    }
    try {
      const token = await rp.verifyAccessToken(match[1] ?? '', {
        audience: options.audience,
        ...(options.level === undefined ? {} : { level: options.level }),
        ...(options.scopes === undefined ? {} : { scopes: options.scopes }),
      });
      (req as IncomingMessage & Pick<Express.Request, 'accessToken'>).accessToken = token;
      return next();
    } catch (thrown) {
      const error = isDinhDanhError(thrown)
        ? thrown
        : new DinhDanhError('server_error', 'The access token could not be checked.', {
            cause: thrown,
          });
      if (error.status >= 500) return sendError(req, res, error);
      if (error.code === 'insufficient_level') {
        const level = options.level ?? 0;
        const challenge = bearerChallenge({
          error: 'insufficient_user_authentication',
          error_description: 'A higher level of authentication is required',
          acr_values: rp.acrValuesFor?.(level).join(' '),
        });
        const refused = new DinhDanhError('insufficient_level', error.message, { status: 401 });
        return sendError(req, res, refused, { 'www-authenticate': challenge });
      }
      if (error.status === 403) {
        const challenge = bearerChallenge({
          error: 'insufficient_scope',
          scope: options.scopes?.join(' '),
        });
        return sendError(req, res, error, { 'www-authenticate': challenge });
      }
      const invalid = new DinhDanhError(error.code, error.message, { status: 401 });
      return sendError(req, res, invalid, {
        'www-authenticate': bearerChallenge({ error: 'invalid_token' }),
      });
    }
  };
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    run(req, res, next).catch(next);
  };
}
