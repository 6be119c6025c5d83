import type { Locale, QrMessages } from '../messages/messages';
import { useMessages } from '../identity/context';

function clock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Vietnamese (default) and English texts of `<QrLogin>`. */
export const QR_MESSAGES: Readonly<Record<Locale, QrMessages>> = {
  vi: {
    qrScan: 'Quét mã QR bằng ứng dụng VNeID trên điện thoại.',
    qrImage: 'Mã QR đăng nhập',
    qrUserCode: 'Hoặc nhập mã:',
    qrExpiresIn: (seconds) => `Mã hết hạn sau ${clock(seconds)}`,
    qrStarting: 'Đang tạo mã QR…',
    qrPending: 'Đang chờ bạn xác nhận trên điện thoại…',
    qrApproved: 'Đã xác nhận. Đang đăng nhập…',
    qrDenied: 'Bạn đã từ chối đăng nhập.',
    qrExpired: 'Mã QR đã hết hạn.',
    qrFailed: 'Không đăng nhập được bằng mã QR.',
    qrRetry: 'Tạo mã mới',
  },
  en: {
    qrScan: 'Scan the QR code with the VNeID app on your phone.',
    qrImage: 'Login QR code',
    qrUserCode: 'Or enter the code:',
    qrExpiresIn: (seconds) => `Code expires in ${clock(seconds)}`,
    qrStarting: 'Creating the QR code…',
    qrPending: 'Waiting for you to approve on your phone…',
    qrApproved: 'Approved. Logging you in…',
    qrDenied: 'You declined the login.',
    qrExpired: 'The QR code has expired.',
    qrFailed: 'The QR login failed.',
    qrRetry: 'New code',
  },
};

/** The `<QrLogin>` texts in the provider's language, with the app's overrides. */
export function useQrMessages(): QrMessages {
  const { locale, messages } = useMessages();
  return { ...QR_MESSAGES[locale], ...messages };
}
