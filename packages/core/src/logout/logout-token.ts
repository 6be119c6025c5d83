/** OpenID Connect Back-Channel Logout 1.0: verification of a logout token, once. */
import { DinhDanhError, isDinhDanhError } from '../errors';
import type { KeyStore } from '../discovery/jwks';
import type { RelyingPartyOptions } from '../config/schema';
import type { ReplayCache } from '../replay-cache';
import type { LogoutTokenResult } from '../rp/types';
import { verifyJwt } from '../tokens/jwt';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const ACCEPTED_TYP = new Set(['logout+jwt', 'application/logout+jwt', 'jwt']);

function invalid(message: string, path?: string, cause?: unknown): DinhDanhError {
  return new DinhDanhError('logout_token_invalid', message, {
    ...(path === undefined ? {} : { path }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** What logout token verification needs: no redirect URI, no client credentials. */
export interface LogoutTokenContext {
  readonly options: Pick<
    RelyingPartyOptions,
    'issuer' | 'clientId' | 'idTokenAlgorithms' | 'maxTokenBytes' | 'clockTolerance'
  >;
  readonly keys: KeyStore;
  readonly now: () => number;
  readonly replayCache: ReplayCache;
}

/**
 * Verifies a logout token: signature, issuer, audience, `iat`/`exp`, the `events` member,
 * no `nonce`, `sub` or `sid`, and refuses a `jti` seen before.
 * @throws DinhDanhError logout_token_invalid, logout_token_replayed.
 */
export async function verifyLogoutToken(
  ctx: LogoutTokenContext,
  jwt: string,
): Promise<LogoutTokenResult> {
  const { options } = ctx;
  let verified: Awaited<ReturnType<typeof verifyJwt>>;
  try {
    verified = await verifyJwt(jwt, ctx.keys, {
      issuer: options.issuer,
      audience: options.clientId,
      algorithms: options.idTokenAlgorithms,
      maxBytes: options.maxTokenBytes,
      clockTolerance: options.clockTolerance,
      now: ctx.now,
      required: ['iat', 'jti'],
      name: 'logout_token',
    });
  } catch (error) {
    const reason = isDinhDanhError(error) ? ` (${error.code})` : '';
    throw invalid(
      `The logout token does not verify${reason}.`,
      isDinhDanhError(error) ? error.path : undefined,
      error,
    );
  }
  const { payload, header } = verified;
  if (header.typ !== undefined && !ACCEPTED_TYP.has(header.typ.toLowerCase())) {
    throw invalid('The token is not a logout token (typ).', 'typ');
  }
  const events = payload.events;
  if (typeof events !== 'object' || events === null || Array.isArray(events)) {
    throw invalid('The logout token has no events claim.', 'events');
  }
  const event = (events as Record<string, unknown>)[EVENT];
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw invalid('The logout token lacks the back-channel logout event.', 'events');
  }
  if (payload.nonce !== undefined) throw invalid('A logout token must not carry a nonce.', 'nonce');
  const sub = typeof payload.sub === 'string' && payload.sub.length > 0 ? payload.sub : undefined;
  const sid = typeof payload.sid === 'string' && payload.sid.length > 0 ? payload.sid : undefined;
  if (sub === undefined && sid === undefined)
    throw invalid('The logout token names neither sub nor sid.', 'sub');
  if (typeof payload.jti !== 'string' || payload.jti.length === 0)
    throw invalid('The logout token has no jti.', 'jti');
  const expiresAt =
    typeof payload.exp === 'number' ? payload.exp * 1000 : ctx.now() + 10 * 60 * 1000;
  const fresh = await ctx.replayCache.add(
    `logout:${options.issuer}:${payload.jti}`,
    expiresAt + options.clockTolerance * 1000,
  );
  if (!fresh) {
    throw new DinhDanhError('logout_token_replayed', 'This logout token was already used.', {
      path: 'jti',
    });
  }
  return { ...(sub === undefined ? {} : { sub }), ...(sid === undefined ? {} : { sid }) };
}
