import type { PersonaSummary } from '../page-models';
import { PAGE_FIELDS } from './fields';
import { FORM_ERROR_ID } from './form';
import { html, type SafeHtml } from './html';
import type { Messages } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

// The label holds the name only; the hint (who the persona is, its account type) is
// outside it and only referenced by aria-describedby, so a screen reader says it once.
// The row is the tap target: the label stretches over it (CSS `.choice label::after`).
function personaChoice(p: PersonaSummary, m: Messages, checked: boolean): SafeHtml {
  const id = `persona-${p.id}`;
  const hint = [p.description, m.accountType[p.accountType], p.locked ? m.locked : undefined]
    .filter((part) => part !== undefined)
    .join(' · ');
  return html`<div class="choice">
    <input
      type="radio"
      id="${id}"
      name="${PAGE_FIELDS.persona}"
      value="${p.id}"
      required
      ${checked && html`checked`}
      aria-describedby="${id}-hint"
      data-testid="${T.persona}-${p.id}"
    />
    <span class="choice-text"
      ><label for="${id}">${p.label}</label> <span class="hint" id="${id}-hint">${hint}</span></span
    >
  </div>`;
}

/**
 * Radio buttons for personas, one fieldset per assurance level (highest first), inside one
 * group that a form error (`invalid`) is tied to: `aria-describedby` names the error and
 * `aria-invalid` marks it. The preselected persona is `selected` when it names one (by id),
 * else the first unlocked one (none when the form is re-shown for a missing choice).
 */
export function personaPicker(
  personas: readonly PersonaSummary[],
  m: Messages,
  selected: string | undefined,
  invalid = false,
): SafeHtml {
  const levels = [...new Set(personas.map((p) => p.level))].sort((a, b) => b - a);
  const preselect = personas.some((p) => p.id === selected)
    ? selected
    : invalid
      ? undefined
      : personas.find((p) => !p.locked)?.id;
  return html`<fieldset
    class="personas"
    data-testid="${T.personaPicker}"
    ${invalid && html`aria-describedby="${FORM_ERROR_ID}" aria-invalid="true"`}
  >
    <legend>${m.chooseAccountLegend}</legend>
    ${levels.map(
      (level) =>
        html`<fieldset data-testid="${T.personaGroup}-${level}">
          <legend>${m.levelLegend(level)}</legend>
          ${personas
            .filter((p) => p.level === level)
            .map((p) => personaChoice(p, m, p.id === preselect))}
        </fieldset>`,
    )}
  </fieldset>`;
}
