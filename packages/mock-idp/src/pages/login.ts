import type { LoginPageModel } from '../page-models';
import { PAGE_FIELDS } from './fields';
import { denyButton, formError, hidden } from './form';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { personaPicker } from './persona-picker';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * The persona picker: one radio button per persona, grouped by assurance level, then
 * continue / cancel. Posts `persona` (continue) or `decision=deny` (cancel), with the
 * hidden `interaction` id, to `model.actions.login`.
 */
export function renderLogin(model: LoginPageModel): string {
  const m = messagesFor(model.locale);
  const levelHint =
    model.requestedLevel !== undefined && model.requestedLevel > 1
      ? html`<p>${m.requestedLevel(model.requestedLevel)}</p>`
      : html``;
  const body = html`${formError(model.error)}
    <p>${m.loginIntro} <strong data-testid="${T.client}">${model.client.name}</strong>.</p>
    ${levelHint}
    <form method="post" action="${model.actions.login}" data-testid="${T.loginForm}">
      ${hidden(PAGE_FIELDS.interaction, model.interactionId)}
      ${personaPicker(model.personas, m, model.loginHint, model.error !== undefined)}
      <div class="buttons">
        <button type="submit" data-testid="${T.loginSubmit}">${m.continue}</button>
        ${denyButton(m.cancel, T.loginCancel)}
      </div>
    </form>`;
  return renderDocument({ locale: model.locale, title: m.loginTitle, page: 'login', body });
}
