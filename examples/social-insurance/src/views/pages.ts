/** The app's pages, each a function of what it shows. */
import { ATTRIBUTES, type AttributeName, type Session } from '@dinhdanh/core';
import { LEVEL_NAMES } from '@dinhdanh/core/data';
import type { LinkRefusal, MinorRecord } from '../minors';
import { MINOR_LOGIN_PATH, MINOR_RECORD, OWN_RECORD } from '../requests';
import { html, type SafeHtml } from './html';
import { layout, type Viewer } from './layout';
import { recordTable } from './record';

/** What a page needs to know about "now", in Vietnam. */
export interface Today {
  /** ISO date. */
  readonly date: string;
  /** Formats an instant (epoch ms) as a Vietnamese date and time. */
  readonly time: (epochMs: number) => string;
}

function labels(names: readonly AttributeName[]): SafeHtml {
  return html`<ul>
    ${names.map((n) => html`<li>${ATTRIBUTES[n].label.vi}</li>`)}
  </ul>`;
}

/** `/` signed out: what the app does and what it will ask for, then the login button. */
export function welcomePage(): string {
  return layout(
    { title: 'Đăng nhập' },
    html`<h1>Tra cứu bảo hiểm xã hội và bảo hiểm y tế</h1>
      <p>
        Xem mã số bảo hiểm xã hội và thẻ bảo hiểm y tế đã tích hợp trên tài khoản định danh điện tử
        VNeID của bạn, và thẻ bảo hiểm y tế của con dưới 14 tuổi.
      </p>
      <section aria-labelledby="asked-title">
        <h2 id="asked-title">Thông tin sẽ được hỏi</h2>
        <p>Mục đích: ${OWN_RECORD.purpose}</p>
        ${labels(OWN_RECORD.claims)}
        <p>
          Cần tài khoản định danh điện tử ${LEVEL_NAMES[OWN_RECORD.level].vi.toLowerCase()}. Bạn
          chọn chia sẻ thông tin nào trên trang của VNeID; thông tin không chia sẻ sẽ không hiển thị
          ở đây.
        </p>
      </section>
      <p><a class="button" href="/auth/login" data-testid="login">Đăng nhập bằng VNeID</a></p>`,
  );
}

/** `/` signed in: the citizen's own record and what they consented to. */
export function ownRecordPage(session: Session, viewer: Viewer, today: Today): string {
  const attributes = session.identity.attributes;
  const shared = OWN_RECORD.claims.filter((n) => attributes[n] !== undefined);
  const notShared = OWN_RECORD.claims.filter((n) => attributes[n] === undefined);
  const values = { ...attributes, name: attributes.name?.full };
  return layout(
    { title: 'Hồ sơ của tôi', current: '/', viewer },
    html`<h1>Thông tin bảo hiểm của bạn</h1>
      ${recordTable('Thông tin từ giấy tờ tích hợp trên VNeID', values, OWN_RECORD.claims, 'own', today.date)}
      <section aria-labelledby="consent-title" data-testid="consent">
        <h2 id="consent-title">Sự đồng ý của bạn</h2>
        <p>Mục đích: ${OWN_RECORD.purpose}</p>
        <p>
          Đăng nhập lúc ${today.time(session.createdAt)}, tài khoản
          ${LEVEL_NAMES[session.level].vi.toLowerCase()}.
        </p>
        <h3>Đã chia sẻ</h3>
        ${labels(shared)}
        ${
          notShared.length === 0
            ? ''
            : html`<h3>Không chia sẻ</h3>
                ${labels(notShared)}
                <p><a href="/auth/login">Đăng nhập lại để chia sẻ thêm</a></p>`
        }
      </section>`,
  );
}

/** `/children`: the children's records linked to this session, and how to add one. */
export function minorsPage(records: readonly MinorRecord[], viewer: Viewer, today: Today): string {
  const asked = MINOR_RECORD.claims.filter((n) => n !== 'guardian');
  const children = records.map((record, i) => {
    const { name, birthdate, healthInsurance, socialInsurance } = record;
    const values = { name, birthdate, healthInsurance, socialInsurance };
    const heading = `child-${i + 1}-title`;
    return html`<section aria-labelledby="${heading}" data-testid="child-record">
      <h2 id="${heading}">${name}</h2>
      ${record.relationship === undefined ? '' : html`<p>Bạn là ${record.relationship} của ${name}.</p>`}
      ${recordTable(`Thông tin bảo hiểm của ${name}`, values, asked, `child-${i + 1}`, today.date)}
    </section>`;
  });
  return layout(
    { title: 'Hồ sơ của con', current: '/children', viewer },
    html`<h1>Hồ sơ của con</h1>
      <p>
        Tài khoản định danh của trẻ dưới 14 tuổi do cha, mẹ hoặc người giám hộ đăng ký. Mở tài khoản
        của con trên VNeID để xem thẻ bảo hiểm y tế của con; hồ sơ chỉ được thêm khi tài khoản của
        con ghi bạn là người giám hộ.
      </p>
      <p>Mục đích: ${MINOR_RECORD.purpose}</p>
      ${children.length === 0 ? html`<p data-testid="no-children">Chưa có hồ sơ nào của con.</p>` : children}
      <p>
        <a class="button" href="${MINOR_LOGIN_PATH}" data-testid="add-child"
          >Mở tài khoản của con trên VNeID</a
        >
      </p>`,
  );
}

const REFUSALS: Record<LinkRefusal, string> = {
  'no-guardian-session':
    'Hãy đăng nhập bằng tài khoản của chính bạn (cha, mẹ hoặc người giám hộ) trước, rồi mở tài khoản của con.',
  'not-the-guardian':
    'Tài khoản vừa chọn không ghi bạn là người giám hộ, nên hồ sơ không được thêm và không thông tin nào của tài khoản đó được lưu.',
  'not-a-minor':
    'Tài khoản vừa chọn không phải của trẻ dưới 14 tuổi: từ 14 tuổi, con tự đăng nhập bằng tài khoản của mình. Không thông tin nào được lưu.',
};

/** The answer to a child's login that cannot be linked; it says nothing about that account. */
export function refusedPage(reason: LinkRefusal, viewer: Viewer | undefined): string {
  return layout(
    { title: 'Không thể thêm hồ sơ của con', ...(viewer === undefined ? {} : { viewer }) },
    html`<h1>Không thể thêm hồ sơ của con</h1>
      <p data-testid="refusal" data-reason="${reason}">${REFUSALS[reason]}</p>
      <p><a class="button" href="${viewer === undefined ? '/' : '/children'}">Quay lại</a></p>`,
  );
}

/** Where the provider sends the browser back after logout. */
export function signedOutPage(): string {
  return layout(
    { title: 'Đã đăng xuất' },
    html`<h1 data-testid="signed-out">Bạn đã đăng xuất</h1>
      <p>
        Phiên đăng nhập đã kết thúc; hồ sơ của con đã mở trong phiên này cũng được xoá khỏi ứng
        dụng.
      </p>
      <p><a class="button" href="/auth/login">Đăng nhập lại</a></p>`,
  );
}

/** Any other path. */
export function notFoundPage(): string {
  return layout(
    { title: 'Không tìm thấy trang' },
    html`<h1>Không tìm thấy trang</h1>
      <p>Địa chỉ này không có trong ứng dụng.</p>
      <p><a class="button" href="/">Về trang chủ</a></p>`,
  );
}
