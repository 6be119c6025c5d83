import type { PersonaSummary } from '../page-models';
import { PAGE_FIELDS } from './fields';
import { html, type SafeHtml } from './html';
import type { Messages } from './messages';
import { PAGE_TEST_IDS as T } from './test-ids';

function personaChoice(p: PersonaSummary, m: Messages, checked: boolean): SafeHtml {
  const id = `persona-${p.id}`;
  const hint = p.locked
    ? `${m.accountType[p.accountType]} · ${m.locked}`
    : m.accountType[p.accountType];
  const radio = html`<input
    type="radio"
    id="${id}"
    name="${PAGE_FIELDS.persona}"
    value="${p.id}"
    required
    aria-describedby="${id}-hint"
    data-testid="${T.persona}-${p.id}"
  />`;
  const checkedRadio = html`<input
    type="radio"
    id="${id}"
    name="${PAGE_FIELDS.persona}"
    value="${p.id}"
    required
    checked
    aria-describedby="${id}-hint"
    data-testid="${T.persona}-${p.id}"
  />`;
  return html`<div class="choice">
    ${checked ? checkedRadio : radio}
    <label for="${id}">${p.label}<span class="hint" id="${id}-hint">${hint}</span></label>
  </div>`;
}

/**
 * Radio buttons for personas, one fieldset per assurance level (highest first). The
 * preselected persona is `selected` when it names one (by id), else the first unlocked one.
 */
export function personaPicker(
  personas: readonly PersonaSummary[],
  m: Messages,
  selected: string | undefined,
): SafeHtml {
  const levels = [...new Set(personas.map((p) => p.level))].sort((a, b) => b - a);
  const preselect = personas.some((p) => p.id === selected)
    ? selected
    : personas.find((p) => !p.locked)?.id;
  return html`${levels.map(
    (level) =>
      html`<fieldset data-testid="${T.personaGroup}-${level}">
        <legend>${m.levelLegend(level)}</legend>
        ${personas
          .filter((p) => p.level === level)
          .map((p) => personaChoice(p, m, p.id === preselect))}
      </fieldset>`,
  )}`;
}
