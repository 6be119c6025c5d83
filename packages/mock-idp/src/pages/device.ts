import { formError, hiddenFields } from './form';
import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { messagesFor, type Messages } from './messages';
import { PAGE_FIELDS, type DevicePageModel } from './models';
import { personaPicker } from './persona-picker';
import { PAGE_TEST_IDS as T } from './test-ids';

function enterCode(model: DevicePageModel, m: Messages): SafeHtml {
  return html`<form method="post" action="${model.form.action}" data-testid="${T.deviceCodeForm}">
    ${hiddenFields(model.form)}
    <label for="user-code">${m.deviceEnterCode}</label>
    <input
      type="text"
      id="user-code"
      name="${PAGE_FIELDS.userCode}"
      value="${model.userCode ?? ''}"
      required
      autocomplete="one-time-code"
      autocapitalize="characters"
      spellcheck="false"
      data-testid="${T.userCode}"
      ${model.error !== undefined && html` aria-invalid="true" aria-describedby="form-error"`}
    />
    <div class="buttons">
      <button type="submit" data-testid="${T.deviceCodeSubmit}">${m.continue}</button>
    </div>
  </form>`;
}

function confirm(model: DevicePageModel, m: Messages): SafeHtml {
  return html`${model.client !== undefined && html`<p><strong data-testid="${T.consentClient}">${model.client.name}</strong> ${m.deviceConfirm}</p>`}
    ${model.userCode !== undefined && html`<p>${m.userCode}: <strong>${model.userCode}</strong></p>`}
    <form method="post" action="${model.form.action}" data-testid="${T.deviceConfirmForm}">
      ${hiddenFields(model.form)}
      ${model.userCode !== undefined && html`<input type="hidden" name="${PAGE_FIELDS.userCode}" value="${model.userCode}" />`}
      ${personaPicker(model.personas ?? [], m, undefined, undefined)}
      <div class="buttons">
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="approve"
          data-testid="${T.approve}"
        >
          ${m.approve}
        </button>
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="deny"
          class="secondary"
          formnovalidate
          data-testid="${T.deny}"
        >
          ${m.deny}
        </button>
      </div>
    </form>`;
}

/**
 * The phone page of a cross-device login (RFC 8628): enter the user code, then pick a
 * persona and approve or deny; then a final state. The code form posts `user_code`; the
 * confirm form posts `user_code`, `persona` and `decision` (`approve` or `deny`).
 */
export function renderDevice(model: DevicePageModel): string {
  const m = messagesFor(model.locale);
  let body: SafeHtml;
  switch (model.state) {
    case 'enter_code':
      body = enterCode(model, m);
      break;
    case 'confirm':
      body = confirm(model, m);
      break;
    default: {
      const text =
        model.state === 'approved'
          ? m.deviceApproved
          : model.state === 'denied'
            ? m.deviceDenied
            : m.deviceExpired;
      body = html`<p role="status" data-testid="${T.deviceResult}" data-state="${model.state}">
        ${text}
      </p>`;
    }
  }
  return renderDocument({
    locale: model.locale,
    title: m.deviceTitle,
    page: 'device',
    body: html`${formError(model.error)}${body}`,
    switchUrl: model.switchUrl,
  });
}
