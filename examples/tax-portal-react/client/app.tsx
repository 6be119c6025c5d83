import type { ReactNode } from 'react';
import { LEVEL_NAMES } from '@dinhdanh/core/data';
import { ConsentNotice, LoginButton, useIdentity } from '@dinhdanh/react';
import { requests } from '../src/requests';
import { TaxForm } from './tax-form';

/** The portal: a banner with the account, the declaration (or the way in), a footer. */
export function App(): ReactNode {
  const { status, identity, level, logout, error } = useIdentity();
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="banner">
        <p className="site-name">Cổng Thuế Demo</p>
        {status === 'authenticated' && (
          <nav aria-label="Tài khoản">
            <p className="account" data-testid="account">
              <span data-testid="account-name">{identity?.attributes.name?.full}</span>
              {level !== undefined && (
                <span className="level" data-testid="account-level" data-level={level}>
                  {LEVEL_NAMES[level].vi}
                </span>
              )}
            </p>
            <button type="button" className="secondary" onClick={logout}>
              Đăng xuất
            </button>
          </nav>
        )}
      </header>
      <main id="noi-dung" tabIndex={-1}>
        <h1>Tờ khai thuế thu nhập cá nhân</h1>
        {status === 'loading' && <p role="status">Đang tải…</p>}
        {status === 'error' && (
          <p role="alert">
            Không đọc được phiên đăng nhập ({error?.code}). Vui lòng tải lại trang.
          </p>
        )}
        {status === 'anonymous' && <SignIn />}
        {status === 'authenticated' && <TaxForm />}
      </main>
      <footer className="footer">
        <p>Ứng dụng minh hoạ của dinhdanh. Mọi dữ liệu đều là dữ liệu giả lập.</p>
      </footer>
    </>
  );
}

function SignIn(): ReactNode {
  return (
    <section aria-labelledby="dang-nhap">
      <h2 id="dang-nhap">Đăng nhập để kê khai</h2>
      <p>
        Đăng nhập bằng tài khoản Cổng Dịch vụ công quốc gia: tờ khai được điền sẵn những thông tin
        bạn đồng ý chia sẻ. Nộp tờ khai cần tài khoản định danh điện tử mức 2.
      </p>
      <ConsentNotice request={requests.taxFiling} />
      <LoginButton provider="dvcqg" request="taxFiling" returnTo="/" />
    </section>
  );
}
