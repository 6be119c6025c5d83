import type { LoggedOutPageModel } from '../page-models';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

/** Shown after RP-initiated logout when no valid `post_logout_redirect_uri` was given. */
export function renderLoggedOut(model: LoggedOutPageModel): string {
  const m = messagesFor(model.locale);
  const client =
    model.client === undefined
      ? html``
      : html`<p>
          ${m.loggedOutOf} <strong data-testid="${T.client}">${model.client.name}</strong>.
        </p>`;
  const body = html`<p role="status" data-testid="${T.loggedOut}">${m.loggedOutBody}</p>
    ${client}`;
  return renderDocument({
    locale: model.locale,
    title: m.loggedOutTitle,
    page: 'logged-out',
    body,
  });
}
