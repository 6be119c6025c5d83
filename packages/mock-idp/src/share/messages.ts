/** The strings of the share page, in both languages. */
import type { PageLocale } from '../pages/locale';

const MESSAGES = {
  vi: {
    title: 'Chia sẻ thông tin định danh điện tử',
    intro: 'đề nghị bạn chia sẻ các thông tin sau',
    attributesLegend: 'Thông tin được chia sẻ',
    forCitizen: 'Giao dịch này dành cho công dân có số định danh kết thúc bằng',
    expiresAt: 'Hết hạn lúc',
    timeZone: 'giờ Việt Nam',
    minutesLeft: (n: number) => (n <= 1 ? 'còn chưa đến 1 phút' : `còn khoảng ${n} phút`),
    approved: 'Đã chia sẻ. Dịch vụ đã nhận được kết quả; bạn có thể quay lại màn hình của dịch vụ.',
    denied: 'Bạn đã từ chối chia sẻ thông tin. Bạn có thể quay lại màn hình của dịch vụ.',
    expired:
      'Giao dịch đã hết hạn hoặc đã được trả lời. Hãy yêu cầu dịch vụ tạo giao dịch mới rồi quét lại mã QR.',
    unknown:
      'Không tìm thấy giao dịch chia sẻ này. Hãy quét lại mã QR đang hiển thị trên màn hình của dịch vụ.',
    choose:
      'Bạn chưa chọn tài khoản. Hãy chọn một tài khoản trong danh sách rồi bấm Đồng ý chia sẻ.',
    locked:
      'Tài khoản định danh điện tử này đang bị khoá nên không thể chia sẻ thông tin. Hãy chọn tài khoản khác, hoặc mở khoá tài khoản trên ứng dụng VNeID rồi thử lại.',
    otherCitizen:
      'Giao dịch này dành cho một công dân khác. Hãy chọn đúng tài khoản của người được yêu cầu, hoặc từ chối.',
  },
  en: {
    title: 'Share your e-identity information',
    intro: 'asks you to share the following information',
    attributesLegend: 'Information to share',
    forCitizen: 'This transaction is for the citizen whose ID number ends in',
    expiresAt: 'Expires at',
    timeZone: 'Vietnam time',
    minutesLeft: (n: number) => (n <= 1 ? 'less than a minute left' : `about ${n} minutes left`),
    approved: 'Shared. The service has the result; you can go back to the service’s screen.',
    denied: 'You declined to share your information. You can go back to the service’s screen.',
    expired:
      'This transaction has expired or was already answered. Ask the service to start a new one, then scan its QR code again.',
    unknown:
      'This share transaction does not exist. Scan again the QR code shown on the service’s screen.',
    choose: 'You have not chosen an account. Choose one from the list, then select Allow sharing.',
    locked:
      'This electronic identity account is locked, so it cannot share information. Choose another account, or unlock this one in the VNeID app and try again.',
    otherCitizen:
      'This transaction is for another citizen. Choose the account of the person it names, or deny.',
  },
} as const;

/** The share page's strings. */
export type ShareMessages = (typeof MESSAGES)[PageLocale];

/** The share page's strings in a language. */
export function shareMessages(locale: PageLocale): ShareMessages {
  return MESSAGES[locale];
}
