import type { ErrorPageModel } from '../page-models';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * An error the provider must not redirect (unknown client, unregistered redirect URI,
 * expired interaction): a title, what happened and what to do next in the citizen's
 * language, then, under "for developers", the OAuth error code and the technical detail.
 */
export function renderError(model: ErrorPageModel): string {
  const m = messagesFor(model.locale);
  const next =
    model.next === undefined ? html`` : html`<p data-testid="${T.errorNext}">${model.next}</p>`;
  const code =
    model.error === undefined
      ? html``
      : html`<p>${m.errorCode}: <code data-testid="${T.errorCode}">${model.error}</code></p>`;
  // The technical sentence is English whatever the page's language: say so to screen readers.
  const detail =
    model.detail === undefined
      ? html``
      : html`<p lang="en" data-testid="${T.errorDetail}">${model.detail}</p>`;
  const developers =
    model.error === undefined && model.detail === undefined
      ? html``
      : html`<details class="developers">
          <summary>${m.forDevelopers}</summary>
          ${code} ${detail}
        </details>`;
  const body = html`<div role="alert">
      <p data-testid="${T.errorDescription}">${model.description}</p>
      ${next}
    </div>
    ${developers}`;
  return renderDocument({ locale: model.locale, title: model.title, page: 'error', body });
}
