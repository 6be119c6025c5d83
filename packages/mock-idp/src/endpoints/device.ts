/**
 * GET/POST /device: the phone page of a cross-device login. GET with `user_code` (typed,
 * or from `verification_uri_complete` in the QR code) shows the persona picker; POST with
 * `user_code`, `persona` and `decision` answers.
 */
import { answerDevice, findPendingDevice } from '../authorization/device';
import { endpointUrl, PATHS, type Context } from '../context';
import type { DevicePageModel, PageLocale } from '../page-models';
import { pageHeaders } from '../pages';
import { summarise } from '../personas/registry';
import { html, readParams } from '../util/http';
import { splitList } from '../util/scope';

function pageLocale(ctx: Context, params: URLSearchParams): PageLocale {
  const tag = splitList(params.get('ui_locales') ?? undefined)[0]?.slice(0, 2);
  return tag === 'en' || tag === 'vi' ? tag : ctx.options.locale;
}

/** The device (phone) page. */
export async function device(ctx: Context, request: Request): Promise<Response> {
  const params = await readParams(request);
  const locale = pageLocale(ctx, params);
  const typed = params.get('user_code') ?? '';
  const base = {
    personas: ctx.personas.map(summarise),
    locale,
    actions: { device: endpointUrl(ctx, PATHS.device) },
  };
  const render = (model: Omit<DevicePageModel, 'personas' | 'locale' | 'actions'>, status = 200) =>
    html(ctx.pages.renderDevice({ ...base, ...model }), pageHeaders, status);

  if (typed === '') return render({ state: 'enter_code' });
  const record = findPendingDevice(ctx, typed);
  const client = record === undefined ? undefined : ctx.clients.get(record.clientId);
  if (record === undefined || client === undefined) {
    const message =
      locale === 'vi' ? 'Mã không đúng hoặc đã hết hạn.' : 'The code is wrong or has expired.';
    return render({ state: 'error', userCode: typed, message }, 400);
  }
  const clientSummary = { id: client.clientId, name: client.name ?? client.clientId };
  const decision = params.get('decision');
  if (request.method !== 'POST' || (decision !== 'approve' && decision !== 'deny')) {
    return render({ state: 'pick', userCode: record.userCode, client: clientSummary });
  }
  const answer = answerDevice(ctx, record.userCode, params.get('persona') ?? undefined, decision);
  if (!answer.ok) {
    return render(
      {
        state: 'error',
        userCode: record.userCode,
        client: clientSummary,
        message: answer.description,
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
