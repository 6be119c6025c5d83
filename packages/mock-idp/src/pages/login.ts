import { formError, hiddenFields } from './form';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { PAGE_FIELDS, type LoginPageModel } from './models';
import { personaPicker } from './persona-picker';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * The persona picker: one radio button per persona, grouped by assurance level, and
 * continue / cancel. Posts `persona` and `decision` (`continue` or `cancel`) plus the
 * model's hidden fields to `model.form.action`.
 */
export function renderLogin(model: LoginPageModel): string {
  const m = messagesFor(model.locale);
  const body = html`${formError(model.error)}
    <p>${m.loginIntro} <strong>${model.client.name}</strong>.</p>
    ${model.requestedLevel !== undefined && model.requestedLevel > 1 && html`<p id="requested-level">${m.requestedLevel(model.requestedLevel)}</p>`}
    <form method="post" action="${model.form.action}" data-testid="${T.loginForm}">
      ${hiddenFields(model.form)}
      ${personaPicker(model.personas, m, model.selected, model.error === undefined ? undefined : 'form-error')}
      <div class="buttons">
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="continue"
          data-testid="${T.loginSubmit}"
        >
          ${m.continue}
        </button>
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="cancel"
          class="secondary"
          formnovalidate
          data-testid="${T.loginCancel}"
        >
          ${m.cancel}
        </button>
      </div>
    </form>`;
  return renderDocument({
    locale: model.locale,
    title: m.loginTitle,
    page: 'login',
    body,
    switchUrl: model.switchUrl,
  });
}
