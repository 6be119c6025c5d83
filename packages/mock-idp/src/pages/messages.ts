import type { AccountType } from '@dinhdanh/core';
import type { PageLocale } from './locale';

/** Every string the pages show, in both languages. */
const MESSAGES = {
  vi: {
    brand: 'Định danh điện tử — máy chủ thử nghiệm',
    mockNotice:
      'Đây là nhà cung cấp định danh giả lập dành cho phát triển và kiểm thử. Mọi dữ liệu đều là dữ liệu tổng hợp.',
    loginTitle: 'Đăng nhập bằng tài khoản định danh điện tử',
    loginIntro: 'Chọn một công dân mẫu để đăng nhập vào',
    // Organisation accounts have no personal assurance level (level 0).
    levelLegend: (level: number) =>
      level === 0
        ? 'Tài khoản định danh điện tử của tổ chức'
        : `Tài khoản định danh điện tử mức ${level}`,
    requestedLevel: (level: number) => `Dịch vụ yêu cầu tài khoản mức ${level} trở lên.`,
    locked: 'Tài khoản bị khoá',
    continue: 'Tiếp tục',
    cancel: 'Huỷ',
    consentTitle: 'Chia sẻ thông tin',
    consentIntro: 'yêu cầu truy cập các thông tin sau của bạn',
    signedInAs: 'Đăng nhập với tư cách',
    purpose: 'Mục đích sử dụng',
    noPurpose: 'Dịch vụ không nêu mục đích.',
    requiredLegend: 'Thông tin bắt buộc',
    optionalLegend: 'Thông tin tuỳ chọn — bỏ chọn nếu bạn không muốn chia sẻ',
    required: 'bắt buộc',
    requiredWhy:
      'Dịch vụ không thể thực hiện nếu thiếu các thông tin này, nên không thể bỏ chọn; nếu không đồng ý, hãy chọn Từ chối.',
    sensitiveUnticked: 'Dữ liệu nhạy cảm không được chọn sẵn: hãy tự chọn nếu bạn đồng ý chia sẻ.',
    sensitive: 'dữ liệu cá nhân nhạy cảm',
    approve: 'Đồng ý chia sẻ',
    deny: 'Từ chối',
    deviceTitle: 'Xác nhận đăng nhập trên thiết bị khác',
    deviceEnterCode: 'Nhập mã hiển thị trên màn hình của dịch vụ',
    userCode: 'Mã xác nhận',
    deviceCodeInvalid: 'Mã không đúng hoặc đã hết hạn. Vui lòng kiểm tra và nhập lại.',
    deviceConfirm: 'đang yêu cầu đăng nhập. Chọn công dân mẫu và xác nhận.',
    deviceApproved: 'Đã xác nhận. Bạn có thể quay lại thiết bị ban đầu.',
    deviceDenied: 'Đã từ chối yêu cầu đăng nhập.',
    errorCode: 'Mã lỗi',
    forDevelopers: 'Dành cho nhà phát triển',
    chooseAccountLegend: 'Chọn tài khoản',
    chooseAccountError:
      'Bạn chưa chọn tài khoản. Hãy chọn một tài khoản trong danh sách rồi bấm Tiếp tục.',
    accountLocked:
      'Tài khoản định danh điện tử này đang bị khoá nên không dùng được. Hãy chọn tài khoản khác, hoặc mở khoá tài khoản trên ứng dụng VNeID rồi thử lại.',
    levelTooLow: (level: number, wanted: number) =>
      `Tài khoản này ở mức ${level}, dịch vụ yêu cầu mức ${wanted}. Hãy chọn tài khoản mức ${wanted}, hoặc nâng cấp tài khoản trên ứng dụng VNeID.`,
    deviceEnded:
      'Yêu cầu đăng nhập này đã kết thúc. Hãy bắt đầu đăng nhập lại trên thiết bị ban đầu để nhận mã mới.',
    loggedOutTitle: 'Bạn đã đăng xuất',
    loggedOutBody: 'Phiên đăng nhập định danh điện tử của bạn đã kết thúc.',
    loggedOutOf: 'Bạn đã đăng xuất khỏi',
    loggedOutNext: 'Bạn có thể đóng trang này, hoặc quay lại dịch vụ để đăng nhập lại.',
    homeTitle: 'Máy chủ định danh điện tử thử nghiệm',
    homeIntro:
      'Máy chủ này đóng vai nhà cung cấp định danh điện tử (VNeID, PostID, Cổng Dịch vụ công) cho ứng dụng của bạn khi phát triển và kiểm thử. Mở ứng dụng đã đăng ký bên dưới và bấm đăng nhập: bạn sẽ được đưa tới trang chọn công dân mẫu.',
    homeClients: 'Ứng dụng đã đăng ký',
    homeNoClients:
      'Chưa có ứng dụng nào được đăng ký với máy chủ này. Nhà phát triển thêm ứng dụng trong cấu hình của máy chủ.',
    homeRedirects: 'Địa chỉ chuyển hướng (khớp chính xác)',
    homeDialect: 'phương ngữ',
    homePersonas: 'Công dân mẫu',
    homePersonaId: 'mã để dùng trong login_hint',
    homeEndpoints: 'Địa chỉ của máy chủ',
    homeAdmin: 'API quản trị (lỗi giả lập, xoay khoá, duyệt thiết bị) đang bật tại',
    homeDocs:
      'Hướng dẫn: docs/testing-with-the-mock.md và docs/mock-idp-cli-and-pages.md trong kho mã dinhdanh.',
    otherLanguage: 'English',
    accountType: {
      citizen: 'Công dân Việt Nam',
      foreigner: 'Người nước ngoài',
      organisation: 'Tài khoản tổ chức',
    } satisfies Record<AccountType, string>,
  },
  en: {
    brand: 'Electronic identity — test server',
    mockNotice:
      'This is a mock identity provider for development and testing. All data is synthetic.',
    loginTitle: 'Log in with your electronic identity',
    loginIntro: 'Choose a test citizen to log in to',
    levelLegend: (level: number) =>
      level === 0
        ? 'Organisation electronic identity accounts'
        : `Level ${level} electronic identity accounts`,
    requestedLevel: (level: number) =>
      `The service requires an account at level ${level} or above.`,
    locked: 'Account locked',
    continue: 'Continue',
    cancel: 'Cancel',
    consentTitle: 'Share your information',
    consentIntro: 'asks to access the following information about you',
    signedInAs: 'Signed in as',
    purpose: 'Purpose',
    noPurpose: 'The service gave no purpose.',
    requiredLegend: 'Required information',
    optionalLegend: 'Optional information — untick anything you do not want to share',
    required: 'required',
    requiredWhy:
      'The service cannot work without this information, so it cannot be unticked; if you do not agree, choose Deny.',
    sensitiveUnticked:
      'Sensitive data is never pre-ticked: tick it yourself if you agree to share it.',
    sensitive: 'sensitive personal data',
    approve: 'Allow sharing',
    deny: 'Deny',
    deviceTitle: 'Confirm a login on another device',
    deviceEnterCode: 'Enter the code shown on the service’s screen',
    userCode: 'Confirmation code',
    deviceCodeInvalid: 'The code is wrong or has expired. Check it and try again.',
    deviceConfirm: 'is asking you to log in. Choose a test citizen and confirm.',
    deviceApproved: 'Confirmed. You can go back to the first device.',
    deviceDenied: 'The login request was denied.',
    errorCode: 'Error code',
    forDevelopers: 'For developers',
    chooseAccountLegend: 'Choose an account',
    chooseAccountError:
      'You have not chosen an account. Choose one from the list, then select Continue.',
    accountLocked:
      'This electronic identity account is locked, so it cannot be used. Choose another account, or unlock this one in the VNeID app and try again.',
    levelTooLow: (level: number, wanted: number) =>
      `This account is at level ${level}; the service requires level ${wanted}. Choose a level ${wanted} account, or upgrade this one in the VNeID app.`,
    deviceEnded:
      'This login request has ended. Start the login again on the first device to get a new code.',
    loggedOutTitle: 'You are logged out',
    loggedOutBody: 'Your electronic identity session has ended.',
    loggedOutOf: 'You are logged out of',
    loggedOutNext: 'You can close this page, or go back to the service to log in again.',
    homeTitle: 'Mock electronic identity provider',
    homeIntro:
      'This server plays the electronic identity provider (VNeID, PostID, the National Public Service Portal) for your app while you develop and test. Open one of the registered apps below and log in: you will be sent to the page where you choose a test citizen.',
    homeClients: 'Registered apps',
    homeNoClients:
      'No app is registered with this server yet. Developers add apps in the server configuration.',
    homeRedirects: 'Redirect URIs (exact match)',
    homeDialect: 'dialect',
    homePersonas: 'Test citizens',
    homePersonaId: 'id to use in login_hint',
    homeEndpoints: 'Provider endpoints',
    homeAdmin: 'The admin API (fault injection, key rotation, device approval) answers at',
    homeDocs:
      'Guides: docs/testing-with-the-mock.md and docs/mock-idp-cli-and-pages.md in the dinhdanh repository.',
    otherLanguage: 'Tiếng Việt',
    accountType: {
      citizen: 'Vietnamese citizen',
      foreigner: 'Foreign national',
      organisation: 'Organisation account',
    } satisfies Record<AccountType, string>,
  },
} as const;

/** The strings of one language. */
export type Messages = (typeof MESSAGES)['vi'] | (typeof MESSAGES)['en'];

/** The strings for a locale. */
export function messagesFor(locale: PageLocale): Messages {
  return MESSAGES[locale];
}
