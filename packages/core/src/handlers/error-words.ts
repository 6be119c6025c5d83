/**
 * What the default error page tells a citizen, in plain words, in Vietnamese and English:
 * what happened and what to do. Grouped by what the citizen can do about it; the error code
 * stays on the page for the help desk.
 */
import type { DinhDanhErrorCode } from '../errors';

/** The page's languages. */
export type PageLocale = 'vi' | 'en';

/** One message: a heading and a sentence on what to do. */
export interface PageWords {
  readonly title: string;
  readonly advice: string;
}

type Group =
  'expired' | 'denied' | 'level' | 'missing' | 'refused' | 'unavailable' | 'qr' | 'other';

const WORDS: Record<Group, Record<PageLocale, PageWords>> = {
  expired: {
    vi: {
      title: 'Phiên đăng nhập đã hết hạn',
      advice:
        'Lượt đăng nhập này không còn dùng được (có thể do để quá lâu hoặc đã dùng rồi). Vui lòng đăng nhập lại.',
    },
    en: {
      title: 'Your sign-in has expired',
      advice:
        'This sign-in can no longer be used (it took too long or was already used). Please sign in again.',
    },
  },
  denied: {
    vi: {
      title: 'Bạn đã huỷ đăng nhập',
      advice:
        'Việc đăng nhập chưa được xác nhận trên ứng dụng định danh. Bạn có thể thử lại khi sẵn sàng.',
    },
    en: {
      title: 'Sign-in was cancelled',
      advice:
        'The sign-in was not approved in the identity app. You can try again when you are ready.',
    },
  },
  level: {
    vi: {
      title: 'Cần tài khoản định danh mức cao hơn',
      advice:
        'Dịch vụ này yêu cầu tài khoản định danh điện tử mức 2. Hãy nâng mức tài khoản rồi đăng nhập lại.',
    },
    en: {
      title: 'A higher identity level is needed',
      advice:
        'This service needs a level 2 electronic identity account. Upgrade your account, then sign in again.',
    },
  },
  missing: {
    vi: {
      title: 'Chưa đủ thông tin được chia sẻ',
      advice:
        'Dịch vụ cần một số thông tin mà bạn chưa đồng ý chia sẻ. Hãy đăng nhập lại và cho phép chia sẻ các thông tin đó.',
    },
    en: {
      title: 'Some information was not shared',
      advice:
        'The service needs information you did not agree to share. Sign in again and allow it to be shared.',
    },
  },
  refused: {
    vi: {
      title: 'Yêu cầu bị từ chối vì lý do an toàn',
      advice:
        'Yêu cầu này không đến từ trang của dịch vụ. Hãy quay lại trang chủ và thực hiện lại.',
    },
    en: {
      title: 'The request was refused for your safety',
      advice:
        'This request did not come from the service’s own pages. Go back to the home page and try again.',
    },
  },
  unavailable: {
    vi: {
      title: 'Dịch vụ đang tạm gián đoạn',
      advice: 'Hệ thống chưa thể xử lý yêu cầu lúc này. Vui lòng thử lại sau ít phút.',
    },
    en: {
      title: 'The service is briefly unavailable',
      advice: 'The system cannot handle the request right now. Please try again in a few minutes.',
    },
  },
  qr: {
    vi: {
      title: 'Mã QR không còn hiệu lực',
      advice: 'Mã QR đã hết hạn hoặc không hợp lệ. Hãy tạo mã mới và quét lại.',
    },
    en: {
      title: 'The QR code is no longer valid',
      advice: 'The QR code has expired or is not valid. Make a new one and scan it again.',
    },
  },
  other: {
    vi: {
      title: 'Đăng nhập không thành công',
      advice:
        'Đã có lỗi xảy ra trong quá trình đăng nhập. Vui lòng thử lại; nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ và cung cấp mã lỗi bên dưới.',
    },
    en: {
      title: 'Sign-in did not succeed',
      advice:
        'Something went wrong while signing in. Please try again; if it keeps happening, contact support with the error code below.',
    },
  },
};

const GROUPS: Partial<Record<DinhDanhErrorCode, Group>> = {
  transaction_invalid: 'expired',
  transaction_expired: 'expired',
  state_mismatch: 'expired',
  seal_invalid: 'expired',
  seal_expired: 'expired',
  session_missing: 'expired',
  session_expired: 'expired',
  login_required: 'expired',
  access_denied: 'denied',
  qr_denied: 'denied',
  insufficient_level: 'level',
  unmet_authentication_requirements: 'level',
  claims_missing: 'missing',
  consent_required: 'missing',
  csrf_failed: 'refused',
  return_to_invalid: 'refused',
  store_unavailable: 'unavailable',
  temporarily_unavailable: 'unavailable',
  provider_unreachable: 'unavailable',
  discovery_failed: 'unavailable',
  jwks_failed: 'unavailable',
  qr_expired: 'qr',
  qr_invalid: 'qr',
};

/** The plain words for an error code in a locale. */
export function pageWords(code: DinhDanhErrorCode, locale: PageLocale): PageWords {
  return WORDS[GROUPS[code] ?? 'other'][locale];
}
