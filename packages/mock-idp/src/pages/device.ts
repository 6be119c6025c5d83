import type { DevicePageModel } from '../page-models';
import { PAGE_FIELDS } from './fields';
import { decisionButtons, formError, hidden } from './form';
import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { messagesFor, type Messages } from './messages';
import { personaPicker } from './persona-picker';
import { PAGE_TEST_IDS as T } from './test-ids';

// GET, so the page is the same whether reached by typing the code or by
// `verification_uri_complete` (the QR code). The language travels with the forms: the
// phone page has no interaction to remember it.
function enterCode(model: DevicePageModel, m: Messages, invalid: boolean): SafeHtml {
  const input = html`<input
    type="text"
    id="user-code"
    name="${PAGE_FIELDS.userCode}"
    value="${model.userCode ?? ''}"
    required
    autocomplete="one-time-code"
    spellcheck="false"
    ${invalid && html`aria-invalid="true" aria-describedby="form-error"`}
    data-testid="${T.userCode}"
  />`;
  return html`<form method="get" action="${model.actions.device}" data-testid="${T.deviceCodeForm}">
    ${hidden('ui_locales', model.locale)}
    <label for="user-code">${m.deviceEnterCode}</label>
    ${input}
    <div class="buttons">
      <button type="submit" data-testid="${T.deviceCodeSubmit}">${m.continue}</button>
    </div>
  </form>`;
}

function pick(model: DevicePageModel, m: Messages, invalid: boolean): SafeHtml {
  const client =
    model.client === undefined
      ? html``
      : html`<p>
          <strong data-testid="${T.client}">${model.client.name}</strong> ${m.deviceConfirm}
        </p>`;
  const code =
    model.userCode === undefined
      ? html``
      : html`<p>
          ${m.userCode}: <strong data-testid="${T.deviceUserCode}">${model.userCode}</strong>
        </p>`;
  return html`${client} ${code}
    <form method="post" action="${model.actions.device}" data-testid="${T.deviceConfirmForm}">
      ${hidden('ui_locales', model.locale)}
      ${model.userCode === undefined ? html`` : hidden(PAGE_FIELDS.userCode, model.userCode)}
      ${personaPicker(model.personas, m, undefined, invalid)} ${decisionButtons(m)}
    </form>`;
}

function done(state: 'approved' | 'denied', m: Messages, message: string | undefined): SafeHtml {
  const text = message ?? (state === 'approved' ? m.deviceApproved : m.deviceDenied);
  return html`<p role="status" data-testid="${T.deviceResult}" data-state="${state}">${text}</p>`;
}

/**
 * The phone page of a cross-device login (RFC 8628). `enter_code` and `error` ask for the
 * user code (`GET actions.device?user_code=…`); `pick` shows the persona picker and posts
 * `user_code`, `persona` and `decision` (`approve` or `deny`); `done_*` show the outcome.
 */
export function renderDevice(model: DevicePageModel): string {
  const m = messagesFor(model.locale);
  let body: SafeHtml;
  switch (model.state) {
    case 'enter_code':
      body = html`${model.message === undefined ? html`` : html`<p>${model.message}</p>`}
      ${enterCode(model, m, false)}`;
      break;
    case 'error':
      body = html`${formError(model.message ?? m.deviceCodeInvalid)} ${enterCode(model, m, true)}`;
      break;
    case 'pick':
      body = html`${formError(model.message)} ${pick(model, m, model.message !== undefined)}`;
      break;
    case 'done_approved':
      body = done('approved', m, model.message);
      break;
    case 'done_denied':
      body = done('denied', m, model.message);
      break;
  }
  return renderDocument({ locale: model.locale, title: m.deviceTitle, page: 'device', body });
}
