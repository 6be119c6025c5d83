import { ATTRIBUTES } from '@dinhdanh/core';
import { hiddenFields } from './form';
import { html } from './html';
import { renderDocument } from './layout';
import { messagesFor } from './messages';
import { PAGE_FIELDS, type ConsentAttribute, type ConsentPageModel } from './models';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * The consent screen: names the relying party, its purpose and each requested attribute
 * by its label. Required attributes are fixed (sent as hidden `attribute` fields);
 * optional ones are checked checkboxes the citizen can untick. Posts `attribute` (repeated)
 * and `decision` (`approve` or `deny`) plus the model's hidden fields.
 */
export function renderConsent(model: ConsentPageModel): string {
  const m = messagesFor(model.locale);
  const required = model.attributes.filter((a) => a.required);
  const optional = model.attributes.filter((a) => !a.required);

  const label = (a: ConsentAttribute) =>
    html`${ATTRIBUTES[a.name].label[model.locale]}${
      ATTRIBUTES[a.name].sensitive && html`<span class="tag sensitive">${m.sensitive}</span>`
    }`;

  const body = html`<p>
      <strong data-testid="${T.consentClient}">${model.client.name}</strong> ${m.consentIntro}.
    </p>
    <p>${m.signedInAs}: <strong>${model.persona.name}</strong></p>
    <p>
      <strong>${m.purpose}:</strong>
      <span data-testid="${T.consentPurpose}">${model.purpose ?? m.noPurpose}</span>
    </p>
    <form method="post" action="${model.form.action}" data-testid="${T.consentForm}">
      ${hiddenFields(model.form)}
      ${
        required.length > 0 &&
        html`<fieldset>
          <legend>${m.requiredLegend}</legend>
          <ul>
            ${required.map(
              (a) =>
                html`<li data-testid="${T.attribute}-${a.name}">
                  ${label(a)} <span class="tag">${m.required}</span
                  ><input type="hidden" name="${PAGE_FIELDS.attribute}" value="${a.name}" />
                </li>`,
            )}
          </ul>
        </fieldset>`
      }
      ${
        optional.length > 0 &&
        html`<fieldset>
          <legend>${m.optionalLegend}</legend>
          ${optional.map((a) => {
            const id = `attribute-${a.name}`;
            return html`<div class="choice">
              <input
                type="checkbox"
                id="${id}"
                name="${PAGE_FIELDS.attribute}"
                value="${a.name}"
                checked
                data-testid="${T.attribute}-${a.name}"
              /><label for="${id}">${label(a)}</label>
            </div>`;
          })}
        </fieldset>`
      }
      <div class="buttons">
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="approve"
          data-testid="${T.approve}"
        >
          ${m.approve}
        </button>
        <button
          type="submit"
          name="${PAGE_FIELDS.decision}"
          value="deny"
          class="secondary"
          data-testid="${T.deny}"
        >
          ${m.deny}
        </button>
      </div>
    </form>`;
  return renderDocument({
    locale: model.locale,
    title: m.consentTitle,
    page: 'consent',
    body,
    switchUrl: model.switchUrl,
  });
}
