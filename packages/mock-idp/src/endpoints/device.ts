/**
 * GET/POST /device: the phone page of a cross-device login. GET with `user_code` (typed,
 * or from `verification_uri_complete` in the QR code) shows the persona picker; POST with
 * `user_code`, `persona` and `decision` answers.
 */
import { answerDevice, findPendingDevice } from '../authorization/device';
import { endpointUrl, PATHS, type Context } from '../context';
import type { DevicePageModel } from '../page-models';
import { pageHeaders } from '../pages';
import { requestedLevel } from '../authorization/requested-attributes';
import { pickLocale } from '../pages/locale';
import { messagesFor } from '../pages/messages';
import { findPersona, summarise } from '../personas/registry';
import { html, readParams } from '../util/http';

/** The device (phone) page. */
export async function device(ctx: Context, request: Request): Promise<Response> {
  const params = await readParams(request);
  const locale = pickLocale(params.get('ui_locales'), ctx.options.locale);
  const typed = params.get('user_code') ?? '';
  const base = {
    personas: ctx.personas.map((p) => summarise(p, locale)),
    locale,
    actions: { device: endpointUrl(ctx, PATHS.device) },
  };
  const render = (model: Omit<DevicePageModel, 'personas' | 'locale' | 'actions'>, status = 200) =>
    html(ctx.pages.renderDevice({ ...base, ...model }), pageHeaders, status);

  if (typed === '') return render({ state: 'enter_code' });
  const record = findPendingDevice(ctx, typed);
  const client = record === undefined ? undefined : ctx.clients.get(record.clientId);
  if (record === undefined || client === undefined) {
    return render({ state: 'error', userCode: typed }, 400);
  }
  const clientSummary = { id: client.clientId, name: client.name ?? client.clientId };
  const decision = params.get('decision');
  if (request.method !== 'POST' || (decision !== 'approve' && decision !== 'deny')) {
    return render({ state: 'pick', userCode: record.userCode, client: clientSummary });
  }
  const persona = params.get('persona') ?? undefined;
  const answer = answerDevice(ctx, record.userCode, persona, decision);
  if (!answer.ok) {
    const m = messagesFor(locale);
    if (answer.error === 'invalid_request') {
      // no account chosen: the request is still pending, ask again
      const message = m.chooseAccountError;
      return render(
        { state: 'pick', userCode: record.userCode, client: clientSummary, message },
        400,
      );
    }
    // a locked account, or one below the level asked for, ended the login as denied
    const chosen = findPersona(ctx.personas, persona);
    const wanted = requestedLevel(record.request.acrValues, record.request.claims, client.dialect);
    const why =
      answer.error === 'unmet_authentication_requirements' &&
      chosen !== undefined &&
      wanted !== undefined
        ? m.levelTooLow(chosen.level, wanted)
        : m.accountLocked;
    return render(
      {
        state: 'error',
        userCode: record.userCode,
        client: clientSummary,
        message: `${why} ${m.deviceEnded}`,
      },
      400,
    );
  }
  return render({
    state: answer.status === 'approved' ? 'done_approved' : 'done_denied',
    userCode: record.userCode,
    client: clientSummary,
  });
}
