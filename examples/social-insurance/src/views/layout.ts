/**
 * The page shell (Vietnamese, landmarks, skip link, one stylesheet file) and the headers
 * every page is sent with: a strict Content-Security-Policy (no inline script or style)
 * and no caching of personal data.
 */
import { html, type SafeHtml } from './html';

/** The signed-in citizen, for the header. */
export interface Viewer {
  readonly name: string;
  /** The session's CSRF token, sent with the logout form. */
  readonly csrfToken: string;
}

/** What the shell needs beside the page's own content. */
export interface PageFrame {
  readonly title: string;
  /** Which navigation entry is the current page. */
  readonly current?: '/' | '/children';
  readonly viewer?: Viewer;
}

const APP_NAME = 'Bảo hiểm xã hội số';

function navigation(current: PageFrame['current']): SafeHtml {
  const link = (href: '/' | '/children', label: string) =>
    html`<li>
      <a href="${href}" ${current === href ? html` aria-current="page"` : ''}>${label}</a>
    </li>`;
  return html`<nav aria-label="Điều hướng chính">
    <ul>
      ${[link('/', 'Hồ sơ của tôi'), link('/children', 'Hồ sơ của con')]}
    </ul>
  </nav>`;
}

function account(viewer: Viewer): SafeHtml {
  return html`<div class="account">
    <p>
      <span class="visually-hidden">Đang đăng nhập: </span
      ><span data-testid="viewer-name">${viewer.name}</span>
    </p>
    <form method="post" action="/auth/logout">
      <input type="hidden" name="csrf_token" value="${viewer.csrfToken}" /><button
        type="submit"
        class="secondary"
        data-testid="logout"
      >
        Đăng xuất
      </button>
    </form>
  </div>`;
}

/** A whole page: header (brand, navigation, account), main content, footer. */
export function layout(frame: PageFrame, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${frame.title} — ${APP_NAME}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <a class="skip-link" href="#main">Bỏ qua, đến nội dung chính</a>
        <header class="site-header">
          <div class="wrap header-row">
            <p class="brand">
              <a href="/">${APP_NAME}</a> <span class="badge">Bản thử nghiệm</span>
            </p>
            ${frame.viewer === undefined ? '' : [navigation(frame.current), account(frame.viewer)]}
          </div>
        </header>
        <main id="main" tabindex="-1" class="wrap">${content}</main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              Ứng dụng minh hoạ của dinhdanh với dữ liệu giả lập. Đây không phải ứng dụng VssID của
              Bảo hiểm xã hội Việt Nam.
            </p>
          </div>
        </footer>
      </body>
    </html> `.value;
}

/** Headers of every page. `formTargets` are the origins a form may post or redirect to. */
export function pageHeaders(formTargets: readonly string[]): Headers {
  return new Headers({
    'content-type': 'text/html; charset=utf-8',
    'content-language': 'vi',
    'content-security-policy': [
      "default-src 'none'",
      "style-src 'self'",
      "img-src 'self'",
      // The logout form's answer redirects to the provider's logout endpoint.
      `form-action 'self' ${formTargets.join(' ')}`,
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'cache-control': 'no-store',
  });
}
