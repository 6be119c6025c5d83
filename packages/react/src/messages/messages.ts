/** A UI language the components speak out of the box. */
export type Locale = 'vi' | 'en';

/** The texts of the provider, `<LoginButton>`, `<RequireLevel>`, `<ConsentNotice>` and `usePrefill`. */
export interface BaseMessages {
  /** Label of `<LoginButton>`, from the provider's display name. */
  loginWith(provider: string): string;
  /** Display names of the built-in providers, by profile name. */
  providers: Readonly<Record<string, string>>;
  /** Said by `<RequireLevel>` when the session's level is too low. */
  levelRequired(level: string): string;
  /** Label of the step-up (or sign-in) button of `<RequireLevel>`. */
  stepUp(level: string): string;
  /** Heading of `<ConsentNotice>`. */
  consentIntro: string;
  /** Marks a required attribute in `<ConsentNotice>`. */
  required: string;
  /** Marks sensitive personal data (Decree 13/2023) in `<ConsentNotice>`. */
  sensitive: string;
  /** Introduces the purpose in `<ConsentNotice>`. */
  purpose: string;
  /** Said by `usePrefill` of a field whose attribute the citizen did not share. */
  notShared(attribute: string): string;
}

/** The texts of `<QrLogin>` (kept apart so an app without it does not ship them). */
export interface QrMessages {
  /** Instructions above the QR code. */
  qrScan: string;
  /** Accessible name of the QR code image. */
  qrImage: string;
  /** Introduces the code the citizen may type instead of scanning. */
  qrUserCode: string;
  /** Countdown to the QR code's expiry, in seconds left. */
  qrExpiresIn(seconds: number): string;
  /** While the QR login is being started. */
  qrStarting: string;
  /** While waiting for the citizen to approve on the phone. */
  qrPending: string;
  /** Once approved. */
  qrApproved: string;
  /** When the citizen declined. */
  qrDenied: string;
  /** When the QR code expired. */
  qrExpired: string;
  /** When the QR login failed otherwise. */
  qrFailed: string;
  /** Label of the button that starts a new QR login. */
  qrRetry: string;
}

/**
 * Every text the components show. Override any of them through
 * `<DinhDanhProvider messages={{ ... }}>`; functions receive what they need to say.
 */
export type Messages = BaseMessages & QrMessages;

/** Vietnamese (default) and English texts of everything but `<QrLogin>`. */
export const BASE_MESSAGES: Readonly<Record<Locale, BaseMessages>> = {
  vi: {
    loginWith: (provider) => `Đăng nhập bằng ${provider}`,
    providers: { vneid: 'VNeID', postid: 'PostID', dvcqg: 'Cổng Dịch vụ công quốc gia' },
    levelRequired: (level) => `Dịch vụ này yêu cầu tài khoản định danh điện tử ${level}.`,
    stepUp: (level) => `Xác thực ${level}`,
    consentIntro: 'Dịch vụ sẽ đọc các thông tin sau từ tài khoản định danh điện tử của bạn:',
    required: 'bắt buộc',
    sensitive: 'dữ liệu cá nhân nhạy cảm',
    purpose: 'Mục đích sử dụng:',
    notShared: (attribute) => `Bạn chưa đồng ý chia sẻ “${attribute}”. Vui lòng nhập.`,
  },
  en: {
    loginWith: (provider) => `Log in with ${provider}`,
    providers: { vneid: 'VNeID', postid: 'PostID', dvcqg: 'the National Public Service Portal' },
    levelRequired: (level) => `This service needs an e-identity account at ${level}.`,
    stepUp: (level) => `Verify at ${level}`,
    consentIntro: 'The service will read the following from your e-identity account:',
    required: 'required',
    sensitive: 'sensitive personal data',
    purpose: 'Purpose:',
    notShared: (attribute) => `You did not agree to share “${attribute}”. Please fill it in.`,
  },
};
