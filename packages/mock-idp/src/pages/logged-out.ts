import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import type { LoggedOutPageModel } from './models';
import { PAGE_TEST_IDS as T } from './test-ids';

/** Shown after RP-initiated logout when there is no post-logout redirect URI. */
export function renderLoggedOut(model: LoggedOutPageModel): string {
  const m = messagesFor(model.locale);
  const body = html`<p role="status" data-testid="${T.loggedOut}">${m.loggedOutBody}</p>
    ${model.backUrl !== undefined && html`<p><a href="${model.backUrl}" data-testid="${T.backLink}">${m.back}${model.client !== undefined && html` — ${model.client.name}`}</a></p>`}`;
  return renderDocument({
    locale: model.locale,
    title: m.loggedOutTitle,
    page: 'logged-out',
    body,
    switchUrl: model.switchUrl,
  });
}
