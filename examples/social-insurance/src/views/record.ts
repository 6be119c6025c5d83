/**
 * One person's insurance record as a table: each attribute the app asked for, its value when
 * it was shared, and a plain "not shared" otherwise.
 */
import { ATTRIBUTES, type AttributeName, type HealthInsurance } from '@dinhdanh/core';
import { html, type SafeHtml } from './html';

/** The attributes a record shows, as far as they were shared. */
export interface RecordValues {
  readonly name?: string | undefined;
  readonly pid?: string | undefined;
  readonly birthdate?: string | undefined;
  readonly socialInsurance?: string | undefined;
  readonly healthInsurance?: HealthInsurance | undefined;
}

/** ISO `YYYY-MM-DD` as Vietnamese dates are written, `DD/MM/YYYY`. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The card's validity in words, as of `today` (ISO, Vietnam's date). */
export function cardValidity(card: HealthInsurance, today: string): string {
  const from = card.validFrom === undefined ? undefined : vietnameseDate(card.validFrom);
  const to = card.validTo === undefined ? undefined : vietnameseDate(card.validTo);
  const span =
    from !== undefined && to !== undefined
      ? `Từ ${from} đến ${to}`
      : to !== undefined
        ? `Đến ${to}`
        : from !== undefined
          ? `Từ ${from}`
          : 'Không có thông tin';
  if (card.validTo !== undefined && card.validTo < today) return `${span} (đã hết hạn)`;
  if (card.validFrom !== undefined && card.validFrom > today) return `${span} (chưa có hiệu lực)`;
  return card.validTo === undefined ? span : `${span} (còn hạn)`;
}

const NOT_SHARED = html`<span class="not-shared">Không được chia sẻ</span> — bạn đã không đồng ý
  chia sẻ thông tin này, hoặc tài khoản định danh chưa có thông tin này.`;

function row(label: string, testId: string, value: string | undefined): SafeHtml {
  return html`<tr>
    <th scope="row">${label}</th>
    <td data-testid="${testId}" data-shared="${value !== undefined}">${value ?? NOT_SHARED}</td>
  </tr>`;
}

function healthRows(card: HealthInsurance | undefined, testId: string, today: string): SafeHtml[] {
  const label = ATTRIBUTES.healthInsurance.label.vi;
  if (card === undefined) return [row(label, testId, undefined)];
  return [
    row(`${label}: số thẻ`, testId, card.number),
    row(`${label}: giá trị sử dụng`, `${testId}-validity`, cardValidity(card, today)),
    ...(card.hospital === undefined
      ? []
      : [row('Nơi đăng ký khám bệnh, chữa bệnh ban đầu', `${testId}-hospital`, card.hospital)]),
  ];
}

/**
 * The record's table.
 * @param asked - the attributes the login asked for, in the order to show them.
 * @param testIdPrefix - `data-testid` of each value cell is `<prefix>-<attribute>`.
 */
export function recordTable(
  caption: string,
  values: RecordValues,
  asked: readonly AttributeName[],
  testIdPrefix: string,
  today: string,
): SafeHtml {
  const rows = asked.flatMap((attribute): SafeHtml[] => {
    const testId = `${testIdPrefix}-${attribute}`;
    const label = ATTRIBUTES[attribute].label.vi;
    switch (attribute) {
      case 'name':
      case 'pid':
      case 'socialInsurance':
        return [row(label, testId, values[attribute])];
      case 'birthdate':
        return [
          row(
            label,
            testId,
            values.birthdate === undefined ? undefined : vietnameseDate(values.birthdate),
          ),
        ];
      case 'healthInsurance':
        return healthRows(values.healthInsurance, testId, today);
      default:
        return [];
    }
  });
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Thông tin</th>
        <th scope="col">Giá trị</th>
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
