import { PAGE_FIELDS } from './fields';
import { html, type SafeHtml } from './html';
import type { Messages } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

/** A hidden field. */
export function hidden(name: string, value: string): SafeHtml {
  return html`<input type="hidden" name="${name}" value="${value}" />`;
}

/** The id of the form error, for `aria-describedby` of the field or group it is about. */
export const FORM_ERROR_ID = 'form-error';

/**
 * A form error, announced to screen readers and focused when the page loads (`autofocus`,
 * no script needed), so keyboard and screen-reader users start from it.
 */
export function formError(message: string | undefined): SafeHtml {
  if (message === undefined) return html``;
  return html`<p
    class="error"
    role="alert"
    id="${FORM_ERROR_ID}"
    data-testid="${T.formError}"
    tabindex="-1"
    autofocus
  >
    ${message}
  </p>`;
}

/**
 * A button posting `decision=deny`. With `formNoValidate` (the default) it skips form
 * validation, so a refusal goes through even when a required field is empty.
 */
export function denyButton(label: string, testId: string, formNoValidate = true): SafeHtml {
  return html`<button
    type="submit"
    name="${PAGE_FIELDS.decision}"
    value="deny"
    class="secondary"
    ${formNoValidate && html`formnovalidate`}
    data-testid="${testId}"
  >
    ${label}
  </button>`;
}

/** The approve and deny buttons (`decision` field) of the consent, device and share pages. */
export function decisionButtons(m: Messages, formNoValidate = true): SafeHtml {
  return html`<div class="buttons">
    <button type="submit" name="${PAGE_FIELDS.decision}" value="approve" data-testid="${T.approve}">
      ${m.approve}
    </button>
    ${denyButton(m.deny, T.deny, formNoValidate)}
  </div>`;
}
