/**
 * GET/POST /authorize (OIDC Core §3.1.2): validate, then log in headlessly (`login_hint`
 * + auto-approve), or start an interaction (persona picker, then consent).
 */
import { completeLogin } from '../authorization/complete';
import {
  PageProblem,
  parseAuthorizationRequest,
  resolveClient,
} from '../authorization/parse-request';
import { redirectError } from '../authorization/redirect';
import { requestedAttributes } from '../authorization/requested-attributes';
import type { Context } from '../context';
import { findPersona } from '../personas/registry';
import { OAuthProblem, readParams, redirect } from '../util/http';
import { randomToken } from '../util/random';
import { pickLocale } from '../pages/locale';
import { errorPage, interactionUrl } from './page';

const FAULTS = [
  ['authorize_access_denied', 'access_denied', 'the citizen denied the request (injected fault)'],
  ['authorize_login_required', 'login_required', 'the citizen is not logged in (injected fault)'],
  ['authorize_server_error', 'server_error', 'the provider failed (injected fault)'],
] as const;

/** Take the parameters from the pushed request when `request_uri` is given (RFC 9126 §4). */
function pushedParams(
  ctx: Context,
  params: URLSearchParams,
): { params: URLSearchParams; pushed: boolean } {
  const requestUri = params.get('request_uri');
  if (requestUri === null) return { params, pushed: false };
  const pushed = ctx.store.pushed.get(requestUri);
  ctx.store.pushed.delete(requestUri); // single use
  if (pushed === undefined || pushed.expiresAt < ctx.now()) {
    throw new PageProblem(
      'invalid_request_uri',
      'request_uri is unknown, used or expired; push the request again',
    );
  }
  if (params.get('client_id') !== pushed.clientId) {
    throw new PageProblem('invalid_request', 'client_id does not match the pushed request');
  }
  return { params: pushed.params, pushed: true };
}

/** Handle the authorization endpoint. */
export async function authorize(ctx: Context, request: Request): Promise<Response> {
  let params = await readParams(request);
  // the error page speaks the language the client asked for, before anything is trusted
  let locale = pickLocale(params.get('ui_locales'), ctx.options.locale);
  let pushed: boolean;
  let client;
  let redirectUri: string;
  try {
    ({ params, pushed } = pushedParams(ctx, params));
    locale = pickLocale(params.get('ui_locales'), locale);
    ({ client, redirectUri } = resolveClient(ctx, params));
  } catch (error) {
    if (error instanceof PageProblem || error instanceof OAuthProblem) {
      const kind = error instanceof PageProblem ? error.kind : 'bad_link';
      return errorPage(ctx, kind, error.error, error.description, locale);
    }
    throw error;
  }
  const state = params.get('state') ?? undefined;
  if (client.requirePushedAuthorizationRequests && !pushed) {
    return redirectError(
      ctx,
      redirectUri,
      state,
      'invalid_request',
      'this client must use pushed authorization requests (/par)',
    );
  }
  let authRequest;
  try {
    authRequest = parseAuthorizationRequest(ctx, params, client, redirectUri);
  } catch (error) {
    if (error instanceof OAuthProblem)
      return redirectError(ctx, redirectUri, state, error.error, error.description);
    throw error;
  }
  for (const [fault, code, description] of FAULTS) {
    if (ctx.faults.take(fault))
      return redirectError(ctx, redirectUri, authRequest.state, code, description);
  }

  const requested = requestedAttributes(authRequest.scope, authRequest.claims, client.dialect);
  const hinted = findPersona(ctx.personas, authRequest.loginHint);
  if (ctx.options.autoApprove && hinted !== undefined) {
    return completeLogin(
      ctx,
      authRequest,
      client,
      hinted,
      requested.map((r) => r.attribute),
    );
  }
  if (authRequest.prompt.includes('none')) {
    // the mock keeps no browser session: only a headless login can be silent
    return redirectError(
      ctx,
      redirectUri,
      authRequest.state,
      'login_required',
      'no session: the citizen must log in',
    );
  }
  const id = randomToken(24);
  ctx.store.interactions.set(id, {
    id,
    request: authRequest,
    requested,
    expiresAt: ctx.now() + ctx.options.lifetimes.interaction * 1000,
  });
  return redirect(interactionUrl(ctx, id, authRequest.locale));
}
