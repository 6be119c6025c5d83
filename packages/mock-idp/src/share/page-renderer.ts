/**
 * The phone page of a share transaction (`/share/{txnId}`, the universal link): the client,
 * the purpose and the attributes, a persona picker, approve and deny. A plain form that
 * works without JavaScript, Vietnamese first, English with `ui_locales=en`.
 */
import { ATTRIBUTES, type AttributeName } from '@dinhdanh/core';
import type { PersonaSummary } from '../page-models';
import { labelTag } from '../pages/consent';
import { decisionButtons, formError, hidden } from '../pages/form';
import { html, type SafeHtml } from '../pages/html';
import { renderDocument } from '../pages/layout';
import type { PageLocale } from '../pages/locale';
import { messagesFor } from '../pages/messages';
import { personaPicker } from '../pages/persona-picker';
import { PAGE_TEST_IDS as T } from '../pages/test-ids';
import { shareMessages } from './messages';

/** Stable `data-testid` values of the share page (besides the shared `client`, `persona-<id>`, `approve`, `deny`, `form-error`). */
export const SHARE_TEST_IDS = {
  /** The approve/deny form. */
  form: 'share-form',
  /** The purpose text. */
  purpose: 'share-purpose',
  /** `share-attribute-<name>`: one requested attribute. */
  attribute: 'share-attribute',
  /** The outcome (`data-state` = approved, denied, expired or unknown). */
  result: 'share-result',
  /** When the transaction expires, in Vietnam time. */
  expires: 'share-expires',
} as const;
const S = SHARE_TEST_IDS;

/** What the share page shows. */
export interface SharePageModel {
  readonly locale: PageLocale;
  readonly state: 'pick' | 'approved' | 'denied' | 'expired' | 'unknown';
  readonly action: string;
  readonly client?: string;
  readonly purpose?: string;
  readonly attributes?: readonly AttributeName[];
  /** The last four digits of the citizen's ID number, when the transaction names one. */
  readonly citizenHint?: string;
  readonly expiresAt?: number;
  /** The mock's clock (epoch ms), to say how long is left before `expiresAt`. */
  readonly now?: number;
  readonly personas?: readonly PersonaSummary[];
  readonly message?: string;
}

function attributeItem(name: AttributeName, locale: PageLocale): SafeHtml {
  const info = ATTRIBUTES[name];
  const tag = info.sensitive ? labelTag(messagesFor(locale).sensitive, true) : html``;
  return html`<li data-testid="${S.attribute}-${name}">${info.label[locale]}${tag}</li>`;
}

/** Vietnam's time zone: the expiry is shown as the citizen's wall clock, not UTC. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** "14:32 03/12/2026 (giờ Việt Nam), còn khoảng 2 phút", in the page's language. */
function expiry(expiresAt: number, now: number | undefined, locale: PageLocale): SafeHtml {
  const s = shareMessages(locale);
  const at = new Date(expiresAt);
  const wallClock = new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: VIETNAM_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(at);
  const left =
    now === undefined ? '' : `, ${s.minutesLeft(Math.ceil(Math.max(0, expiresAt - now) / 60_000))}`;
  return html`<p class="hint" data-testid="${S.expires}">
    ${s.expiresAt}: <time datetime="${at.toISOString()}">${wallClock}</time> (${s.timeZone})${left}.
  </p>`;
}

function pick(model: SharePageModel): SafeHtml {
  const m = messagesFor(model.locale);
  const s = shareMessages(model.locale);
  const hint =
    model.citizenHint === undefined
      ? html``
      : html`<p>${s.forCitizen} <strong>…${model.citizenHint}</strong>.</p>`;
  const expires =
    model.expiresAt === undefined ? html`` : expiry(model.expiresAt, model.now, model.locale);
  return html`<p><strong data-testid="${T.client}">${model.client ?? ''}</strong> ${s.intro}.</p>
    <p>
      <strong>${m.purpose}:</strong>
      <span data-testid="${S.purpose}">${model.purpose ?? m.noPurpose}</span>
    </p>
    ${hint}
    <fieldset>
      <legend>${s.attributesLegend}</legend>
      <ul>
        ${(model.attributes ?? []).map((a) => attributeItem(a, model.locale))}
      </ul>
    </fieldset>
    ${expires}
    <form method="post" action="${model.action}" data-testid="${S.form}">
      ${hidden('ui_locales', model.locale)}
      ${personaPicker(model.personas ?? [], m, undefined, model.message !== undefined)}
      ${decisionButtons(m)}
    </form>`;
}

/** Renders the share page as a complete HTML document. */
export function renderSharePage(model: SharePageModel): string {
  const s = shareMessages(model.locale);
  const body =
    model.state === 'pick'
      ? html`${formError(model.message)} ${pick(model)}`
      : html`<p role="status" data-testid="${S.result}" data-state="${model.state}">
          ${model.message ?? s[model.state]}
        </p>`;
  return renderDocument({ locale: model.locale, title: s.title, page: 'share', body });
}
