/**
 * Turns a token response into a `LoginResult`: our own ID token verification, level,
 * userinfo (same subject), the normalised identity, required attributes, consent record.
 * Shared by the browser login and the cross-device login.
 */
import * as client from 'openid-client';
import type { AttributeName } from '../claims/attributes';
import type { AssuranceLevel } from '../claims/identity';
import { DinhDanhError } from '../errors';
import { protocolError } from '../http/protocol-error';
import { meetsLevel } from '../levels';
import type { RpContext } from '../rp/context';
import type { LoginResult } from '../rp/types';
import { verifyIdToken } from '../tokens/id-token';
import { toTokenSet } from '../tokens/token-set';
import { grantedAttributes, readIdentity } from './identity';

/** What the login asked for. */
export interface CompletionRequest {
  nonce?: string;
  maxAge?: number;
  level: AssuranceLevel;
  claims: readonly AttributeName[];
  required: readonly AttributeName[];
  purpose?: string;
  returnTo?: string;
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

  const identity = readIdentity(
    ctx.profile,
    ctx.options.issuer,
    {
      idToken: { ...idTokenClaims },
      ...(userinfo === undefined ? {} : { userinfo }),
    },
    ctx.now,
  );
  if (!meetsLevel(identity.level, request.level)) {
    throw new DinhDanhError(
      'insufficient_level',
      `The login reached level ${identity.level}, below the required level ${request.level}; step up.`,
      { path: 'acr' },
    );
  }
  const granted = grantedAttributes(identity, request.required);
  const now = ctx.now();
  const sid = typeof idTokenClaims.sid === 'string' ? idTokenClaims.sid : undefined;
  return {
    identity,
    tokens,
    consent: {
      requested: [...request.claims],
      granted,
      ...(request.purpose === undefined ? {} : { purpose: request.purpose }),
      at: new Date(now).toISOString(),
    },
    session: {
      ...(sid === undefined ? {} : { sid }),
      expiresAt: now + ctx.options.sessionMaxAge * 1000,
    },
    idTokenClaims,
    source: userinfo === undefined ? 'id_token' : 'userinfo',
    ...(request.returnTo === undefined ? {} : { returnTo: request.returnTo }),
  };
}
