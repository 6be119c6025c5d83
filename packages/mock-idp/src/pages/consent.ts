import { ATTRIBUTES, type AttributeName } from '@dinhdanh/core';
import type { ConsentPageModel } from '../page-models';
import { PAGE_FIELDS } from './fields';
import { decisionButtons, hidden } from './form';
import { html, type SafeHtml } from './html';
import { renderDocument } from './layout';
import { messagesFor, type Messages } from './messages';
import type { PageLocale } from './locale';
import { PAGE_TEST_IDS as T } from './test-ids';

/**
 * A tag after a label ("sensitive", "required"): a separate word for screen readers too
 * (a space and a visually hidden dash), not glued onto the label's last word.
 */
export function labelTag(text: string, sensitive: boolean): SafeHtml {
  return html` <span class="${sensitive ? 'tag sensitive' : 'tag'}"
    ><span class="visually-hidden">— </span>${text}</span
  >`;
}

function attributeLabel(name: AttributeName, locale: PageLocale, m: Messages): SafeHtml {
  const info = ATTRIBUTES[name];
  return html`${info.label[locale]}${info.sensitive ? labelTag(m.sensitive, true) : html``}`;
}

/**
 * The consent screen: names the relying party, its purpose and each requested attribute
 * by its label. Required (essential) attributes stand under their own heading, with why
 * they cannot be unticked, as ticked and disabled boxes (the server grants them whatever
 * is posted); optional ones are checkboxes the citizen can untick, and a sensitive one is
 * never ticked in advance (consent is given actively). Posts `attributes` (repeated) and
 * `decision` (`approve` or `deny`) with the hidden `interaction` id.
 */
export function renderConsent(model: ConsentPageModel): string {
  const m = messagesFor(model.locale);
  const required = model.requested.filter((a) => a.required);
  const optional = model.requested.filter((a) => !a.required);

  const requiredSet =
    required.length === 0
      ? html``
      : html`<fieldset data-testid="${T.consentRequired}">
          <legend>${m.requiredLegend}</legend>
          <p class="hint">${m.requiredWhy}</p>
          ${required.map(
            (a) =>
              html`<div class="choice">
                <input
                  type="checkbox"
                  id="attribute-${a.attribute}"
                  checked
                  disabled
                  data-testid="${T.attribute}-${a.attribute}"
                />
                <label for="attribute-${a.attribute}"
                  >${attributeLabel(a.attribute, model.locale, m)}${labelTag(
                    m.required,
                    false,
                  )}</label
                >
                ${hidden(PAGE_FIELDS.attributes, a.attribute)}
              </div>`,
          )}
        </fieldset>`;

  const optionalSet =
    optional.length === 0
      ? html``
      : html`<fieldset data-testid="${T.consentOptional}">
          <legend>${m.optionalLegend}</legend>
          ${
            optional.some((a) => ATTRIBUTES[a.attribute].sensitive)
              ? html`<p class="hint">${m.sensitiveUnticked}</p>`
              : html``
          }
          ${optional.map(
            (a) =>
              html`<div class="choice">
                <input
                  type="checkbox"
                  id="attribute-${a.attribute}"
                  name="${PAGE_FIELDS.attributes}"
                  value="${a.attribute}"
                  ${ATTRIBUTES[a.attribute].sensitive ? html`` : html`checked`}
                  data-testid="${T.attribute}-${a.attribute}"
                />
                <label for="attribute-${a.attribute}"
                  >${attributeLabel(a.attribute, model.locale, m)}</label
                >
              </div>`,
          )}
        </fieldset>`;

  const body = html`<p>
      <strong data-testid="${T.client}">${model.client.name}</strong> ${m.consentIntro}.
    </p>
    <p>
      ${m.signedInAs}: <strong data-testid="${T.consentPersona}">${model.persona.label}</strong>
    </p>
    <p>
      <strong>${m.purpose}:</strong>
      <span data-testid="${T.consentPurpose}">${model.purpose ?? m.noPurpose}</span>
    </p>
    <form method="post" action="${model.actions.consent}" data-testid="${T.consentForm}">
      ${hidden(PAGE_FIELDS.interaction, model.interactionId)} ${requiredSet} ${optionalSet}
      ${decisionButtons(m, false)}
    </form>`;
  return renderDocument({ locale: model.locale, title: m.consentTitle, page: 'consent', body });
}
