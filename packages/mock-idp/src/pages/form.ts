import { html, type SafeHtml } from './html';
import type { FormTarget } from './models';
import { PAGE_TEST_IDS as T } from './test-ids';

/** The hidden fields an endpoint asked to get back. */
export function hiddenFields(form: FormTarget): SafeHtml {
  return html`${Object.entries(form.hidden ?? {}).map(
    ([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`,
  )}`;
}

/** A form error, announced to screen readers. */
export function formError(message: string | undefined): SafeHtml {
  return html`${
    message !== undefined &&
    html`<p class="error" role="alert" id="form-error" data-testid="${T.formError}">${message}</p>`
  }`;
}
