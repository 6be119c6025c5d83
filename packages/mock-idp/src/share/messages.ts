/** The strings of the share page, in both languages. */
import type { PageLocale } from '../pages/locale';

const MESSAGES = {
  vi: {
    title: 'Chia sẻ thông tin định danh điện tử',
    intro: 'đề nghị bạn chia sẻ các thông tin sau',
    attributesLegend: 'Thông tin được chia sẻ',
    forCitizen: 'Giao dịch này dành cho công dân có số định danh kết thúc bằng',
    expiresAt: 'Hết hạn lúc',
    approved: 'Đã chia sẻ. Dịch vụ đã nhận được kết quả; bạn có thể quay lại.',
    denied: 'Bạn đã từ chối chia sẻ thông tin.',
    expired: 'Giao dịch đã hết hạn. Hãy yêu cầu dịch vụ tạo giao dịch mới.',
    unknown: 'Không tìm thấy giao dịch chia sẻ này.',
    choose: 'Hãy chọn một tài khoản.',
  },
  en: {
    title: 'Share your e-identity information',
    intro: 'asks you to share the following information',
    attributesLegend: 'Information to share',
    forCitizen: 'This transaction is for the citizen whose ID number ends in',
    expiresAt: 'Expires at',
    approved: 'Shared. The service has the result; you can go back.',
    denied: 'You declined to share your information.',
    expired: 'This transaction has expired. Ask the service to start a new one.',
    unknown: 'This share transaction does not exist.',
    choose: 'Choose an account.',
  },
} as const;

/** The share page's strings. */
export type ShareMessages = (typeof MESSAGES)[PageLocale];

/** The share page's strings in a language. */
export function shareMessages(locale: PageLocale): ShareMessages {
  return MESSAGES[locale];
}
