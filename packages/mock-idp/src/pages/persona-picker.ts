import { html, type SafeHtml } from './html';
import type { Messages } from './messages';
import { PAGE_FIELDS, type PersonaChoice } from './models';
import { PAGE_TEST_IDS as T } from './test-ids';

/** Radio buttons for personas, one fieldset per assurance level (2 first). */
export function personaPicker(
  personas: readonly PersonaChoice[],
  m: Messages,
  selected: string | undefined,
  describedBy: string | undefined,
): SafeHtml {
  const levels = [...new Set(personas.map((p) => p.level))].sort((a, b) => b - a);
  const preselect = selected ?? personas.find((p) => p.locked !== true)?.id;
  return html`${levels.map((level) => {
    const group = personas.filter((p) => p.level === level);
    return html`<fieldset
      data-testid="${T.personaGroup}-${level}"
      ${describedBy !== undefined && html` aria-describedby="${describedBy}"`}
    >
      <legend>${m.levelLegend(level)}</legend>
      ${group.map((p) => {
        const id = `persona-${p.id}`;
        const hint = [p.description, p.locked === true ? m.locked : undefined].filter(
          (s): s is string => s !== undefined,
        );
        return html`<div class="choice">
          <input
            type="radio"
            id="${id}"
            name="${PAGE_FIELDS.persona}"
            value="${p.id}"
            required
            data-testid="${T.persona}-${p.id}"
            ${
              p.id === preselect && html` checked`
            }${hint.length > 0 && html` aria-describedby="${id}-hint"`}
          />
          <label for="${id}"
            >${p.name}${hint.length > 0 && html`<span class="hint" id="${id}-hint">${hint.join(' · ')}</span>`}</label
          >
        </div>`;
      })}
    </fieldset>`;
  })}`;
}
