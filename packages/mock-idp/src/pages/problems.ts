import type { PageLocale } from './locale';

/**
 * Why the mock shows its error page instead of going back to the service. Each kind has
 * what a citizen reads (in their language) and what to do next; the technical sentence for
 * developers travels beside it.
 */
export type PageProblemKind =
  | 'bad_link'
  | 'unknown_client'
  | 'unregistered_redirect'
  | 'login_expired'
  | 'bad_logout'
  | 'unregistered_logout_redirect';

interface CitizenText {
  readonly title: string;
  readonly description: string;
  readonly next: string;
}

const LOGIN_FAILED = { vi: 'Không thể tiếp tục đăng nhập', en: 'The login cannot continue' };
const LOGOUT_FAILED = { vi: 'Không thể đăng xuất', en: 'The logout cannot continue' };
const TELL_SERVICE = {
  vi: 'Hãy quay lại trang của dịch vụ và báo lỗi này cho đơn vị quản lý dịch vụ; bạn không cần làm gì thêm ở đây.',
  en: 'Go back to the service’s page and report this problem to the service; there is nothing more to do here.',
};

const TEXT: Record<PageProblemKind, Record<PageLocale, CitizenText>> = {
  bad_link: {
    vi: {
      title: LOGIN_FAILED.vi,
      description: 'Đường dẫn đăng nhập mà dịch vụ gửi đến không hợp lệ hoặc đã được dùng.',
      next: 'Hãy quay lại trang của dịch vụ và bấm đăng nhập lại. Nếu lỗi lặp lại, hãy báo cho đơn vị quản lý dịch vụ.',
    },
    en: {
      title: LOGIN_FAILED.en,
      description: 'The login link the service sent is not valid, or was already used.',
      next: 'Go back to the service’s page and start the login again. If it happens again, report it to the service.',
    },
  },
  unknown_client: {
    vi: {
      title: LOGIN_FAILED.vi,
      description: 'Dịch vụ yêu cầu đăng nhập chưa được đăng ký với máy chủ định danh này.',
      next: TELL_SERVICE.vi,
    },
    en: {
      title: LOGIN_FAILED.en,
      description: 'The service asking you to log in is not registered with this identity server.',
      next: TELL_SERVICE.en,
    },
  },
  unregistered_redirect: {
    vi: {
      title: LOGIN_FAILED.vi,
      description:
        'Địa chỉ quay về của dịch vụ chưa được đăng ký, nên không thể đưa bạn quay lại dịch vụ một cách an toàn.',
      next: TELL_SERVICE.vi,
    },
    en: {
      title: LOGIN_FAILED.en,
      description:
        'The service’s return address is not registered, so you cannot be sent back to it safely.',
      next: TELL_SERVICE.en,
    },
  },
  login_expired: {
    vi: {
      title: 'Phiên đăng nhập đã hết hạn',
      description: 'Phiên đăng nhập này đã hết hạn hoặc đã hoàn tất.',
      next: 'Hãy quay lại trang của dịch vụ và bấm đăng nhập lại.',
    },
    en: {
      title: 'This login has expired',
      description: 'This login has expired or was already finished.',
      next: 'Go back to the service’s page and start the login again.',
    },
  },
  bad_logout: {
    vi: {
      title: LOGOUT_FAILED.vi,
      description: 'Yêu cầu đăng xuất mà dịch vụ gửi đến không hợp lệ; bạn chưa được đăng xuất.',
      next: 'Hãy quay lại dịch vụ và đăng xuất lại, hoặc đóng trình duyệt để kết thúc phiên.',
    },
    en: {
      title: LOGOUT_FAILED.en,
      description: 'The logout request the service sent is not valid; you are not logged out yet.',
      next: 'Go back to the service and log out again, or close the browser to end the session.',
    },
  },
  unregistered_logout_redirect: {
    vi: {
      title: LOGOUT_FAILED.vi,
      description:
        'Địa chỉ quay về sau khi đăng xuất của dịch vụ chưa được đăng ký; bạn chưa được đăng xuất.',
      next: 'Hãy đóng trình duyệt để kết thúc phiên, và báo lỗi này cho đơn vị quản lý dịch vụ.',
    },
    en: {
      title: LOGOUT_FAILED.en,
      description:
        'The service’s address for after logout is not registered; you are not logged out yet.',
      next: 'Close the browser to end the session, and report this problem to the service.',
    },
  },
};

/** What the error page tells a citizen about a problem, in their language. */
export function citizenText(kind: PageProblemKind, locale: PageLocale): CitizenText {
  return TEXT[kind][locale];
}
