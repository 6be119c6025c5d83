/** The page frame: language, landmarks, skip link, the signed-in bar and the logout form. */
import type { Identity } from '@dinhdanh/core';
import { html, type Html } from './html';

/** What every page shows in its frame. */
export interface Frame {
  readonly title: string;
  /** The signed-in citizen, if any. */
  readonly identity?: Identity | undefined;
}

/** A whole HTML document. */
export function layout(frame: Frame, body: Html): string {
  const who = frame.identity;
  const menu =
    who === undefined
      ? html`<li><a href="/auth/login">Đăng nhập bằng VNeID</a></li>`
      : html`<li><a href="/">Tài khoản</a></li>
          <li><a href="/ho-so">Hồ sơ</a></li>
          <li><a href="/mo-tai-khoan">Mở tài khoản</a></li>
          <li>
            <form class="inline" method="post" action="/auth/logout">
              <button type="submit" data-testid="logout">Đăng xuất</button>
            </form>
          </li>`;
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} · Ngân hàng Demo</title>
        <link rel="stylesheet" href="/static/bank.css" />
      </head>
      <body>
        <a class="skip" href="#noi-dung">Bỏ qua đến nội dung chính</a>
        <header>
          <div class="bar">
            <a class="brand" href="/">Ngân hàng Demo</a>
            <nav aria-label="Điều hướng chính">
              <ul>
                ${menu}
              </ul>
            </nav>
          </div>
        </header>
        <main id="noi-dung" tabindex="-1">${body}</main>
        <footer>
          Ứng dụng minh hoạ của dinhdanh: dữ liệu giả lập, đăng nhập qua máy chủ định danh thử
          nghiệm.
        </footer>
      </body>
    </html>`.value;
}
