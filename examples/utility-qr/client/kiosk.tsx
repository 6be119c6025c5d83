import { useState, type ReactNode } from 'react';
import { DinhDanhProvider, type Messages } from '@dinhdanh/react';
import { SHARE_BASE } from '../src/requests';
import { Flow, type FlowId } from './flow';

/** Kinder words for a kiosk than the defaults: what happened, and what to do next. */
const messages: Partial<Messages> = {
  qrDenied:
    'Bạn đã từ chối trên điện thoại, nên chưa có thông tin nào được chia sẻ. Bấm “Tạo mã mới” nếu muốn thử lại.',
  qrExpired: 'Mã đã hết hạn để bảo vệ bạn. Bấm “Tạo mã mới” để nhận mã khác.',
  qrFailed: 'Chưa đăng nhập được. Bấm “Tạo mã mới” để thử lại, hoặc hỏi nhân viên quầy.',
};

/**
 * The kiosk: two ways in (a QR code through the device authorization grant, and a VNeID
 * share transaction), each with its own session; once one is signed in, the bill.
 *
 * One QR code on screen at a time: a citizen should not have to guess which to scan, and
 * core's QR login keeps its pending handle in one cookie per origin (`dinhdanh.qr`), which
 * two flows started at once on the same origin would overwrite for each other.
 */
export function Kiosk(): ReactNode {
  const [signedIn, setSignedIn] = useState<FlowId | undefined>(undefined);
  const [way, setWay] = useState<FlowId>('device');
  const other = (id: FlowId) => (signedIn === undefined ? way !== id : signedIn !== id);
  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="banner">
        <p className="site-name">Điện lực Demo · Quầy thu tự động</p>
      </header>
      <main id="noi-dung" tabIndex={-1}>
        <h1>Thanh toán tiền điện</h1>
        {signedIn === undefined && (
          <p className="lead">
            Đăng nhập bằng điện thoại của bạn để xem và thanh toán hoá đơn. Quầy này không lưu thông
            tin của bạn sau khi bạn kết thúc phiên.
          </p>
        )}
        {signedIn === undefined && (
          <div className="choose" role="group" aria-label="Chọn cách đăng nhập">
            {(['device', 'share'] as const).map((id) => (
              <button
                key={id}
                type="button"
                className={way === id ? 'chosen' : 'secondary'}
                aria-pressed={way === id}
                data-testid={`choose-${id}`}
                onClick={() => setWay(id)}
              >
                {id === 'device' ? 'Quét mã QR' : 'Chia sẻ qua VNeID'}
              </button>
            ))}
          </div>
        )}
        <div>
          <DinhDanhProvider basePath="/auth" messages={messages}>
            <Flow id="device" hidden={other('device')} onSignedIn={setSignedIn} />
          </DinhDanhProvider>
          <DinhDanhProvider basePath={`${SHARE_BASE}/auth`} messages={messages}>
            <Flow id="share" hidden={other('share')} onSignedIn={setSignedIn} />
          </DinhDanhProvider>
        </div>
      </main>
      <footer className="footer">
        <p>Ứng dụng minh hoạ của dinhdanh. Mọi dữ liệu đều là dữ liệu giả lập.</p>
      </footer>
    </>
  );
}
