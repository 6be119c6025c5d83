/**
 * GET/POST /end_session: RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0).
 * The mock logs out without asking; `post_logout_redirect_uri` must be registered for the
 * client named by `id_token_hint` or `client_id`, or the logged-out page is shown.
 */
import { compactVerify, createLocalJWKSet } from 'jose';
import type { Context } from '../context';
import type { PageLocale } from '../page-models';
import { endSession } from '../logout/backchannel';
import { pageHeaders } from '../pages';
import { html, readParams, redirect } from '../util/http';
import { splitList } from '../util/scope';
import { errorPage } from './page';

interface HintClaims {
  readonly iss?: unknown;
  readonly aud?: unknown;
  readonly sid?: unknown;
}

/**
 * Verify our own ID token given as a hint; expiry is ignored (§2), signature and issuer are
 * not. An encrypted ID token is recognised when it is one this provider issued.
 */
async function readHint(ctx: Context, hint: string): Promise<HintClaims | undefined> {
  const encrypted = ctx.store.encryptedIdTokens.get(hint);
  if (encrypted !== undefined) return encrypted;
  try {
    const keys = ctx.keys.publishedKeys(ctx.now()).map((k) => k.publicJwk);
    const { payload } = await compactVerify(hint, createLocalJWKSet({ keys }));
    const claims = JSON.parse(new TextDecoder().decode(payload)) as HintClaims;
    return claims.iss === ctx.issuer ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The end-session endpoint. */
export async function endSessionEndpoint(ctx: Context, request: Request): Promise<Response> {
  const params = await readParams(request);
  const tag = splitList(params.get('ui_locales') ?? undefined)[0]?.slice(0, 2);
  const locale: PageLocale = tag === 'en' || tag === 'vi' ? tag : ctx.options.locale;
  const hintRaw = params.get('id_token_hint');
  const hint = hintRaw === null || hintRaw === '' ? undefined : await readHint(ctx, hintRaw);
  if (hintRaw !== null && hintRaw !== '' && hint === undefined) {
    return errorPage(
      ctx,
      'bad_logout',
      'invalid_request',
      'id_token_hint is not an ID token this provider issued',
      locale,
    );
  }
  const hintAud = Array.isArray(hint?.aud) ? (hint.aud as unknown[])[0] : hint?.aud;
  const clientIdParam = params.get('client_id') ?? undefined;
  if (typeof hintAud === 'string' && clientIdParam !== undefined && clientIdParam !== hintAud) {
    return errorPage(
      ctx,
      'bad_logout',
      'invalid_request',
      'client_id differs from the audience of id_token_hint',
      locale,
    );
  }
  const clientId = typeof hintAud === 'string' ? hintAud : clientIdParam;
  const client = clientId === undefined ? undefined : ctx.clients.get(clientId);
  const postLogout = params.get('post_logout_redirect_uri') ?? undefined;
  if (
    postLogout !== undefined &&
    (client === undefined || !client.postLogoutRedirectUris.includes(postLogout))
  ) {
    const registered =
      client === undefined
        ? `no client is named (send id_token_hint or client_id); registered clients: ${[...ctx.clients.keys()].join(', ')}`
        : `registered for ${client.clientId}: ${client.postLogoutRedirectUris.join(', ') || '(none)'}`;
    return errorPage(
      ctx,
      'unregistered_logout_redirect',
      'invalid_request',
      `post_logout_redirect_uri is not registered for this client: ${postLogout} is not exact-matched; ` +
        `${registered}; register it with --config <file> (the CLI) or the clients option ` +
        '(postLogoutRedirectUris)',
      locale,
    );
  }

  const session = typeof hint?.sid === 'string' ? ctx.store.sessions.get(hint.sid) : undefined;
  if (session !== undefined) await endSession(ctx, session);

  if (postLogout !== undefined) {
    const url = new URL(postLogout);
    const state = params.get('state');
    if (state !== null && state !== '') url.searchParams.append('state', state);
    return redirect(url.href, request.method === 'POST' ? 303 : 302);
  }
  const body = ctx.pages.renderLoggedOut({
    locale,
    ...(client === undefined
      ? {}
      : { client: { id: client.clientId, name: client.name ?? client.clientId } }),
  });
  return html(body, pageHeaders);
}
