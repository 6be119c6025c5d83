/**
 * The interactive login: GET /interaction/{id} shows the persona picker, then the consent
 * screen; POST /interaction/{id}/login and /interaction/{id}/consent take their forms.
 */
import type { AttributeName } from '@dinhdanh/core';
import { completeLogin, personaProblem } from '../authorization/complete';
import { redirectError } from '../authorization/redirect';
import { requestedLevel } from '../authorization/requested-attributes';
import type { Context } from '../context';
import type { ClientSummary } from '../page-models';
import type { MockClient } from '../options';
import { pageHeadersFor } from '../pages';
import { findPersona, summarise } from '../personas/registry';
import type { Interaction } from '../store/types';
import { html, readParams, redirect } from '../util/http';
import { pickLocale } from '../pages/locale';
import { messagesFor } from '../pages/messages';
import { errorPage, interactionUrl } from './page';

function clientSummary(client: MockClient): ClientSummary {
  return { id: client.clientId, name: client.name ?? client.clientId };
}

function loginPage(
  ctx: Context,
  interaction: Interaction,
  client: MockClient,
  error?: string,
  status = 200,
): Response {
  const level = requestedLevel(
    interaction.request.acrValues,
    interaction.request.claims,
    client.dialect,
  );
  const hint = findPersona(ctx.personas, interaction.request.loginHint);
  const body = ctx.pages.renderLogin({
    interactionId: interaction.id,
    client: clientSummary(client),
    personas: ctx.personas.map((p) => summarise(p, interaction.request.locale)),
    locale: interaction.request.locale,
    actions: {
      login: interactionUrl(ctx, interaction.id, interaction.request.locale, '/login'),
    },
    ...(hint === undefined ? {} : { loginHint: hint.id }),
    ...(level === undefined ? {} : { requestedLevel: level }),
    ...(error === undefined ? {} : { error }),
  });
  return html(body, pageHeadersFor([interaction.request.redirectUri]), status);
}

function consentPage(
  ctx: Context,
  interaction: Interaction,
  client: MockClient,
  personaId: string,
): Response {
  const persona = findPersona(ctx.personas, personaId);
  if (persona === undefined)
    return errorPage(
      ctx,
      'login_expired',
      'invalid_request',
      'the persona chosen for this interaction no longer exists',
      interaction.request.locale,
    );
  const purpose = interaction.request.purpose;
  const body = ctx.pages.renderConsent({
    interactionId: interaction.id,
    client: clientSummary(client),
    persona: summarise(persona, interaction.request.locale),
    // only what this account has: an attribute it lacks cannot be shared
    requested: interaction.requested.filter((r) => persona.attributes[r.attribute] !== undefined),
    locale: interaction.request.locale,
    actions: {
      consent: interactionUrl(ctx, interaction.id, interaction.request.locale, '/consent'),
    },
    ...(purpose === undefined ? {} : { purpose }),
  });
  return html(body, pageHeadersFor([interaction.request.redirectUri]));
}

function live(
  ctx: Context,
  id: string,
  request: Request,
): { interaction: Interaction; client: MockClient } | Response {
  const interaction = ctx.store.interactions.get(id);
  const client =
    interaction === undefined ? undefined : ctx.clients.get(interaction.request.clientId);
  if (interaction === undefined || client === undefined || interaction.expiresAt < ctx.now()) {
    return errorPage(
      ctx,
      'login_expired',
      'invalid_request',
      `interaction ${id} is unknown, expired or finished (lifetime ` +
        `${ctx.options.lifetimes.interaction} s); start a new authorization request`,
      pickLocale(new URL(request.url).searchParams.get('ui_locales'), ctx.options.locale),
      404,
    );
  }
  return { interaction, client };
}

/** Handle /interaction/{id}[/login|/consent]. */
export async function interaction(ctx: Context, request: Request, rest: string): Promise<Response> {
  const [id = '', step] = rest.split('/');
  const found = live(ctx, id, request);
  if (found instanceof Response) return found;
  const { interaction: current, client } = found;
  const req = current.request;

  if (request.method === 'GET' && step === undefined) {
    return current.personaId === undefined
      ? loginPage(ctx, current, client)
      : consentPage(ctx, current, client, current.personaId);
  }
  if (request.method !== 'POST')
    return errorPage(
      ctx,
      'bad_link',
      'invalid_request',
      `${request.method} is not allowed here: the pages post their forms`,
      req.locale,
      405,
    );
  const form = await readParams(request);

  if (step === 'login') {
    if (form.get('decision') === 'deny') {
      ctx.store.interactions.delete(id);
      return redirectError(
        ctx,
        req.redirectUri,
        req.state,
        'access_denied',
        'the citizen cancelled the login',
        303,
      );
    }
    const persona = findPersona(ctx.personas, form.get('persona') ?? undefined);
    if (persona === undefined) {
      return loginPage(ctx, current, client, messagesFor(req.locale).chooseAccountError, 400);
    }
    const problem = personaProblem(req, client, persona);
    if (problem !== undefined) {
      ctx.store.interactions.delete(id);
      return redirectError(
        ctx,
        req.redirectUri,
        req.state,
        problem.error,
        problem.description,
        303,
      );
    }
    if (current.requested.length === 0) {
      ctx.store.interactions.delete(id);
      return completeLogin(ctx, req, client, persona, [], 303);
    }
    current.personaId = persona.id;
    return redirect(interactionUrl(ctx, id, req.locale), 303);
  }

  if (step === 'consent' && current.personaId !== undefined) {
    const persona = findPersona(ctx.personas, current.personaId);
    ctx.store.interactions.delete(id);
    if (persona === undefined || form.get('decision') !== 'approve') {
      return redirectError(
        ctx,
        req.redirectUri,
        req.state,
        'access_denied',
        'the citizen did not consent',
        303,
      );
    }
    const ticked = new Set(form.getAll('attributes'));
    const granted: AttributeName[] = current.requested
      .filter((r) => r.required || ticked.has(r.attribute))
      .map((r) => r.attribute);
    return completeLogin(ctx, req, client, persona, granted, 303);
  }
  return errorPage(
    ctx,
    'bad_link',
    'invalid_request',
    `unknown step of the login: ${step ?? '(none)'}`,
    req.locale,
    404,
  );
}
