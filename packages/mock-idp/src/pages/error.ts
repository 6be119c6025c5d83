import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import type { ErrorPageModel } from './models';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * An error the provider must not redirect (unknown client, unregistered redirect URI,
 * bad request before the client is known): the spec's error code and a description.
 */
export function renderError(model: ErrorPageModel): string {
  const m = messagesFor(model.locale);
  const body = html`<div role="alert">
      <p>${m.errorCode}: <code data-testid="${T.errorCode}">${model.error}</code></p>
      ${model.description !== undefined && html`<p data-testid="${T.errorDescription}">${model.description}</p>`}
    </div>
    ${model.backUrl !== undefined && html`<p><a href="${model.backUrl}" data-testid="${T.backLink}">${m.back}</a></p>`}`;
  return renderDocument({
    locale: model.locale,
    title: m.errorTitle,
    page: 'error',
    body,
    switchUrl: model.switchUrl,
  });
}
