/** The bank's pages, server-rendered. */
import {
  ATTRIBUTES,
  redact,
  type AttributeName,
  type ConsentReceipt,
  type Identity,
} from '@dinhdanh/core';
import { demoBalance, type OpenedAccount } from '../bank-store';
import { date, dateTime, dong, html, type Html } from './html';
import { layout } from './layout';

/** The home page of a visitor. */
export function welcomePage(): string {
  return layout(
    { title: 'Chào mừng' },
    html`<h1>Ngân hàng Demo</h1>
      <section aria-labelledby="dang-nhap">
        <h2 id="dang-nhap">Đăng nhập bằng tài khoản định danh điện tử</h2>
        <p>
          Dùng VNeID mức 1 để xem số dư. Mở tài khoản mới cần VNeID mức 2 và sự đồng ý của bạn cho
          ngân hàng đọc số định danh, họ tên, ngày sinh và nơi cư trú.
        </p>
        <p><a class="button" href="/auth/login" data-testid="login">Đăng nhập bằng VNeID</a></p>
      </section>`,
  );
}

/** One row of the accounts table. */
interface AccountRow {
  readonly name: string;
  readonly number: string;
}

/** The dashboard: balances, level, what to do next. */
export function dashboardPage(
  identity: Identity,
  main: AccountRow,
  opened: readonly OpenedAccount[],
  status?: string,
): string {
  const name = identity.attributes.name?.full ?? 'quý khách';
  const rows: AccountRow[] = [
    main,
    ...opened.map((a) => ({ name: 'Tài khoản thanh toán mới', number: a.number })),
  ];
  return layout(
    { title: 'Tài khoản', identity },
    html`${status === undefined ? '' : html`<p class="status" role="status">${status}</p>`}
      <h1>Xin chào, <span data-testid="customer-name">${name}</span></h1>
      <p>
        Bạn đăng nhập ở
        <span class="badge" data-testid="level">mức ${identity.level}</span>
      </p>
      <section aria-labelledby="so-du">
        <h2 id="so-du">Số dư tài khoản</h2>
        <table data-testid="balances">
          <thead>
            <tr>
              <th scope="col">Tài khoản</th>
              <th scope="col">Số tài khoản</th>
              <th scope="col" class="amount">Số dư</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (r) =>
                html`<tr>
                  <td>${r.name}</td>
                  <td>${r.number}</td>
                  <td class="amount">${dong(demoBalance(r.number))}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="tiep-theo">
        <h2 id="tiep-theo">Bạn muốn làm gì tiếp?</h2>
        <p>
          <a class="button" href="/mo-tai-khoan" data-testid="open-account">Mở tài khoản</a>
          <a class="button secondary" href="/ho-so">Xem hồ sơ và sự đồng ý</a>
        </p>
        <p class="note">
          Mở tài khoản cần tài khoản định danh mức 2: bạn sẽ được đưa sang VNeID để xác thực lại.
        </p>
      </section>`,
  );
}

function label(name: AttributeName): string {
  return ATTRIBUTES[name].label.vi;
}

/** The attributes the citizen shared, as a definition list (personal ID number masked). */
export function attributeList(identity: Identity): Html {
  const a = identity.attributes;
  const items: [AttributeName, string][] = [];
  if (a.name !== undefined) items.push(['name', a.name.full]);
  if (a.pid !== undefined) items.push(['pid', redact(a.pid)]);
  if (a.birthdate !== undefined) items.push(['birthdate', date(a.birthdate)]);
  if (a.phone !== undefined) items.push(['phone', a.phone]);
  if (a.email !== undefined) items.push(['email', a.email]);
  if (a.address !== undefined) {
    const where = a.address.current ?? a.address.permanent;
    if (where !== undefined) items.push(['address', where.formatted]);
  }
  if (items.length === 0) return html`<p>Bạn chưa chia sẻ thông tin nào.</p>`;
  return html`<dl data-testid="attributes">
    ${items.map(
      ([name, value]) =>
        html`<dt>${label(name)}</dt>
          <dd data-attribute="${name}">${value}</dd>`,
    )}
  </dl>`;
}

function names(list: readonly AttributeName[]): Html {
  if (list.length === 0) return html`<em>không có</em>`;
  return html`<ul class="plain">
    ${list.map((n) => html`<li>${label(n)}</li>`)}
  </ul>`;
}

/** The profile: the normalised identity and the latest consent receipt. */
export function profilePage(
  identity: Identity,
  receipt: ConsentReceipt | undefined,
  count: number,
): string {
  const consent = receipt?.consent;
  return layout(
    { title: 'Hồ sơ', identity },
    html`<h1>Hồ sơ của bạn</h1>
      <section aria-labelledby="danh-tinh">
        <h2 id="danh-tinh">Thông tin định danh đã chia sẻ</h2>
        ${attributeList(identity)}
        <p class="note">
          Mức định danh: <span data-testid="profile-level">${identity.level}</span> · Nhà cung cấp:
          ${identity.provider}${identity.authTime === undefined ? '' : html` · Xác thực lúc ${dateTime(identity.authTime)}`}.
          Số định danh được che, chỉ hiện ba số cuối.
        </p>
      </section>
      <section aria-labelledby="dong-y" data-testid="consent">
        <h2 id="dong-y">Sự đồng ý của bạn</h2>
        ${
          consent === undefined || receipt === undefined
            ? html`<p>Chưa có bản ghi đồng ý.</p>`
            : html`<dl>
                  <dt>Mục đích</dt>
                  <dd data-testid="consent-purpose">${consent.purpose ?? ''}</dd>
                  <dt>Ngân hàng đã xin</dt>
                  <dd>${names(consent.requested)}</dd>
                  <dt>Bạn đã đồng ý chia sẻ</dt>
                  <dd data-testid="consent-granted">${names(consent.granted)}</dd>
                  <dt>Bắt buộc</dt>
                  <dd>${names(consent.required)}</dd>
                  <dt>Thời điểm</dt>
                  <dd>${dateTime(consent.at)}</dd>
                  <dt>Mức định danh</dt>
                  <dd>${consent.level}</dd>
                  <dt>Mã biên nhận</dt>
                  <dd><code>${receipt.consentReceiptID}</code></dd>
                </dl>
                <p class="note">
                  Biên nhận đồng ý được ngân hàng ký số (Nghị định 13/2023/NĐ-CP, Luật Bảo vệ dữ
                  liệu cá nhân 2025). Ngân hàng đang giữ ${count} biên nhận của bạn.
                </p>`
        }
      </section>`,
  );
}

/** Confirming the opening of an account, with the identity it is opened for. */
export function openAccountPage(identity: Identity): string {
  return layout(
    { title: 'Mở tài khoản', identity },
    html`<h1>Mở tài khoản thanh toán</h1>
      <section aria-labelledby="xac-nhan">
        <h2 id="xac-nhan">Kiểm tra thông tin trước khi mở</h2>
        ${attributeList(identity)}
        <form method="post" action="/mo-tai-khoan">
          <p>
            <button type="submit" data-testid="confirm-open">Mở tài khoản</button>
            <a class="button secondary" href="/">Huỷ</a>
          </p>
        </form>
      </section>`,
  );
}

/** A form posted from another site: refused. */
export function refusedPage(identity: Identity | undefined): string {
  return layout(
    { title: 'Yêu cầu bị từ chối', identity },
    html`<h1>Yêu cầu bị từ chối</h1>
      <p>Yêu cầu này không đến từ trang của ngân hàng. Hãy mở lại trang và thử lại.</p>
      <p><a href="/">Về trang chủ</a></p>`,
  );
}

/** A page that is not here. */
export function notFoundPage(identity: Identity | undefined): string {
  return layout(
    { title: 'Không tìm thấy trang', identity },
    html`<h1>Không tìm thấy trang</h1>
      <p><a href="/">Về trang chủ</a></p>`,
  );
}
