/**
 * The end of a login: check the persona (locked account, assurance level), record the
 * grant and the session, and hand out an authorization code.
 */
import type { AttributeName } from '@dinhdanh/core';
import { epochSeconds, type Context } from '../context';
import { DIALECTS } from '../dialects';
import type { MockClient } from '../options';
import { amrOf } from '../personas/registry';
import type { Persona } from '../personas/schema';
import type { AuthorizationRequest, Grant } from '../store/types';
import { OAuthProblem } from '../util/http';
import { randomToken } from '../util/random';
import { redirectError, redirectToClient } from './redirect';
import { requestedLevel } from './requested-attributes';

/** Why this persona cannot log in to this request, or undefined. */
export function personaProblem(
  request: AuthorizationRequest,
  client: MockClient,
  persona: Persona,
): OAuthProblem | undefined {
  if (persona.locked) {
    return new OAuthProblem(
      'access_denied',
      persona.lockedReason ??
        'This e-identity account is locked; it cannot log in until it is unlocked.',
    );
  }
  const wanted = requestedLevel(request.acrValues, request.claims, client.dialect);
  if (wanted !== undefined && persona.level < wanted && !client.allowLowerAcr) {
    return new OAuthProblem(
      'unmet_authentication_requirements',
      `the account is at assurance level ${persona.level}, the client asked for level ${wanted}`,
    );
  }
  return undefined;
}

/** Record a grant and its login session. */
export function createGrant(
  ctx: Context,
  request: AuthorizationRequest,
  client: MockClient,
  persona: Persona,
  granted: readonly AttributeName[],
): Grant {
  // one browser, one session per persona: a second client joins it (single sign-on),
  // so logging out ends it for every client, each told through back-channel logout
  const session = [...ctx.store.sessions.values()].find((s) => s.personaId === persona.id);
  const sid = session?.sid ?? randomToken(16);
  if (session === undefined) {
    ctx.store.sessions.set(sid, {
      sid,
      personaId: persona.id,
      clientIds: new Set([client.clientId]),
    });
  } else {
    session.clientIds.add(client.clientId);
  }
  const grant: Grant = {
    id: randomToken(16),
    clientId: client.clientId,
    personaId: persona.id,
    scope: request.scope,
    granted: [...granted],
    acr: DIALECTS[client.dialect].acr(persona.level),
    amr: amrOf(persona),
    authTime: epochSeconds(ctx),
    sid,
    maxAgeRequested: request.maxAge !== undefined,
    ...(request.claims === undefined ? {} : { claims: request.claims }),
    ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
  };
  ctx.store.grants.set(grant.id, grant);
  return grant;
}

/** Finish a login: the redirect back with a code, or with the error. */
export function completeLogin(
  ctx: Context,
  request: AuthorizationRequest,
  client: MockClient,
  persona: Persona,
  granted: readonly AttributeName[],
  status: 302 | 303 = 302,
): Response {
  const problem = personaProblem(request, client, persona);
  if (problem !== undefined) {
    return redirectError(
      ctx,
      request.redirectUri,
      request.state,
      problem.error,
      problem.description,
      status,
    );
  }
  const grant = createGrant(ctx, request, client, persona, granted);
  const code = randomToken(32);
  ctx.store.codes.set(code, {
    grantId: grant.id,
    clientId: client.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    ...(request.dpopJkt === undefined ? {} : { dpopJkt: request.dpopJkt }),
    expiresAt: ctx.now() + ctx.options.lifetimes.authorizationCode * 1000,
    used: false,
  });
  return redirectToClient(ctx, request.redirectUri, request.state, { code }, status);
}
