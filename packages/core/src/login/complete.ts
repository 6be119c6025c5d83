/**
 * Turns a token response into a `LoginResult`: our own ID token verification, level,
 * userinfo (same subject), the normalised identity, required attributes, consent record.
 * Shared by the browser login and the cross-device login; {@link loginResult} also by the
 * userinfo-only login of plug-in protocols.
 */
import * as client from 'openid-client';
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import type { Identity } from '../claims/identity';
import { DinhDanhError, isDinhDanhError } from '../errors';
import { protocolError } from '../http/protocol-error';
import { meetsLevel } from '../levels';
import type { RpContext } from '../rp/context';
import type { LoginResult, TokenSet } from '../rp/types';
import { verifyIdToken } from '../tokens/id-token';
import { toTokenSet } from '../tokens/token-set';
import { consentedIdentity, consentedIdTokenClaims, readIdentity } from './identity';

/** What the login asked for. */
export interface CompletionRequest {
  nonce?: string | undefined;
  maxAge?: number | undefined;
  level: AssuranceLevel;
  claims: readonly AttributeName[];
  required: readonly AttributeName[];
  purpose?: string | undefined;
  returnTo?: string | undefined;
}

/** Completes a login from a token endpoint response. */
export async function completeLogin(
  ctx: RpContext,
  config: client.Configuration,
  response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  request: CompletionRequest,
): Promise<LoginResult> {
  const tokens = toTokenSet(response, ctx.now);
  if (tokens.idToken === undefined) {
    throw new DinhDanhError(
      'token_invalid',
      'The provider returned no ID token; check that the openid scope is allowed.',
      { path: 'id_token' },
    );
  }
  const { claims: idTokenClaims, level } = await verifyIdToken(ctx, tokens.idToken, {
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
    ...(request.maxAge === undefined ? {} : { maxAge: request.maxAge }),
  });
  if (typeof idTokenClaims.acr === 'string' && !meetsLevel(level, request.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The login reached level ${level}, below the required level ${request.level}; step up.`,
      { path: 'acr' },
    );
  }

  let userinfo: Record<string, unknown> | undefined;
  const policy = ctx.profile.userinfo;
  if (policy === 'always' || (policy === 'when_claims' && request.claims.length > 0)) {
    try {
      userinfo = await client.fetchUserInfo(
        config,
        tokens.accessToken,
        client.skipSubjectCheck,
        await ctx.dpop(config),
      );
    } catch (error) {
      throw protocolError(error);
    }
    if (userinfo.sub !== idTokenClaims.sub) {
      throw new DinhDanhError(
        'sub_mismatch',
        'Userinfo is about another subject than the ID token; the login was refused.',
        { path: 'sub' },
      );
    }
  }

  return loginResult(ctx, request, {
    tokens,
    idTokenClaims,
    ...(userinfo === undefined ? {} : { userinfo }),
    levelPath: 'acr',
  });
}

/** What a login collected before its result is built. */
export interface CollectedLogin {
  readonly tokens: TokenSet;
  /** The verified ID token's claims (`{}` for a userinfo-only login). */
  readonly idTokenClaims: LoginResult['idTokenClaims'];
  /** Userinfo, when it was fetched. */
  readonly userinfo?: Record<string, unknown>;
  /** Where the level was read, for the `insufficient_level` error's `path`. */
  readonly levelPath: string;
}

/**
 * The `LoginResult` of a login once its claims are in, for the standard login (ID token,
 * optional userinfo) and the userinfo-only login alike: the normalised identity, the level
 * checked against the request, the required attributes, the consent record, the session.
 *
 * @throws `subject_missing` when the claims name no subject; `insufficient_level`;
 * `claims_missing` for a required attribute that was not released; `claims_invalid`.
 */
export function loginResult(
  ctx: RpContext,
  request: CompletionRequest,
  collected: CollectedLogin,
): LoginResult {
  const { tokens, idTokenClaims, userinfo, levelPath } = collected;
  const idToken = Object.keys(idTokenClaims).length === 0 ? undefined : { ...idTokenClaims };
  let identity: Identity;
  try {
    identity = readIdentity(
      ctx.profile,
      ctx.options.issuer,
      {
        ...(idToken === undefined ? {} : { idToken }),
        ...(userinfo === undefined ? {} : { userinfo }),
      },
      ctx.now,
    );
  } catch (error) {
    // The normaliser's only `claims_missing` is the subject's: the answer names nobody,
    // which is the provider's fault, not an attribute the citizen declined.
    if (!isDinhDanhError(error, 'claims_missing')) throw error;
    throw new DinhDanhError(
      'subject_missing',
      "The provider's answer names no subject (the citizen's identifier); the login was refused.",
      { ...(error.path === undefined ? {} : { path: error.path }) },
    );
  }
  if (!meetsLevel(identity.level, request.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The login reached level ${identity.level}, below the required level ${request.level}; step up.`,
      { path: levelPath },
    );
  }
  const now = ctx.now();
  const consented = consentedIdentity(ctx, identity, request, now);
  const sid = typeof idTokenClaims.sid === 'string' ? idTokenClaims.sid : undefined;
  return {
    identity: consented.identity,
    tokens,
    consent: consented.consent,
    session: {
      ...(sid === undefined ? {} : { sid }),
      expiresAt: now + ctx.options.sessionMaxAge * 1000,
    },
    idTokenClaims: consentedIdTokenClaims(ctx, idTokenClaims),
    source: idToken === undefined || userinfo !== undefined ? 'userinfo' : 'id_token',
    ...(request.returnTo === undefined ? {} : { returnTo: request.returnTo }),
  };
}
