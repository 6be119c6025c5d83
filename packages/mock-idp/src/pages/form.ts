import { html, type SafeHtml } from './html';
import { PAGE_TEST_IDS as T } from './test-ids';

/** A hidden field. */
export function hidden(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}" />`;
}

/** A form error, announced to screen readers. */
export function formError(message: string | undefined): SafeHtml {
  if (message === undefined) return html``;
  return html`<p class="error" role="alert" id="form-error" data-testid="${T.formError}">
    ${message}
  </p>`;
}
