/**
 * @packageDocumentation
 * `@dinhdanh/react` — React 18/19 provider, hooks and components for Vietnamese
 * e-identity logins in the backend-for-frontend pattern: core's handlers keep the tokens
 * on the server; the browser sees only the session summary of `GET {basePath}/me`.
 * It imports core's types only, and the plain data of `@dinhdanh/core/data`.
 */
export { DinhDanhProvider } from './identity/provider';
export type { DinhDanhProviderProps } from './identity/provider';
export { useIdentity } from './identity/use-identity';
export type {
  AuthenticatedMe,
  BackendError,
  Consent,
  IdentityStatus,
  IdentityValue,
  LoginOptions,
  MeIdentity,
} from './identity/types';
export { LoginButton } from './components/login-button';
export type { LoginButtonProps } from './components/login-button';
export { RequireLevel } from './components/require-level';
export type { RequireLevelProps } from './components/require-level';
export { ConsentNotice } from './components/consent-notice';
export type { ConsentNoticeProps } from './components/consent-notice';
export { QrLogin } from './qr/qr-login';
export type { QrLoginProps } from './qr/qr-login';
export { useQrLogin } from './qr/use-qr-login';
export type { QrLoginOptions, QrLoginState } from './qr/use-qr-login';
export { usePrefill } from './prefill/use-prefill';
export type { Prefill, PrefillField } from './prefill/use-prefill';
export type { PrefillSource } from './prefill/sources';
export type { BaseMessages, Locale, Messages, QrMessages } from './messages/messages';
