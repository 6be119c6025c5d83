import type { ErrorPageModel } from '../page-models';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * An error the provider must not redirect (unknown client, unregistered redirect URI,
 * expired interaction): a title, a description and, for developers, the OAuth error code.
 */
export function renderError(model: ErrorPageModel): string {
  const m = messagesFor(model.locale);
  const code =
    model.error === undefined
      ? html``
      : html`<p class="hint">
          ${m.errorCode}: <code data-testid="${T.errorCode}">${model.error}</code>
        </p>`;
  const body = html`<div role="alert">
    <p data-testid="${T.errorDescription}">${model.description}</p>
    ${code}
  </div>`;
  return renderDocument({ locale: model.locale, title: model.title, page: 'error', body });
}
