import type { ButtonHTMLAttributes, CSSProperties, ReactNode } from 'react';
import { useDinhDanh } from '../identity/context';
import type { LoginOptions } from '../identity/types';

/** Props of {@link LoginButton}: the login to start, and any `<button>` attribute. */
export interface LoginButtonProps
  extends LoginOptions, Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'onClick'> {
  /** Provider profile whose name the label says (`vneid`, `postid`, `dvcqg` or any text); default `vneid`. */
  readonly provider?: string;
  /** Drop the built-in look (then style `.dinhdanh-login-button` yourself). */
  readonly unstyled?: boolean;
  /** Custom label; default `messages.loginWith(provider name)`: "Đăng nhập bằng VNeID". */
  readonly children?: ReactNode;
}

/**
 * The default look, all through CSS variables an app may set on any ancestor:
 * `--dinhdanh-button-bg`, `--dinhdanh-button-fg`, `--dinhdanh-button-radius`,
 * `--dinhdanh-button-padding`, `--dinhdanh-button-font`, `--dinhdanh-button-border`.
 * No logo: the providers' marks are their owners' trademarks.
 */
const LOOK: CSSProperties = {
  background: 'var(--dinhdanh-button-bg, #c8102e)',
  color: 'var(--dinhdanh-button-fg, #fff)',
  borderRadius: 'var(--dinhdanh-button-radius, 6px)',
  padding: 'var(--dinhdanh-button-padding, 0.625em 1.25em)',
  font: 'var(--dinhdanh-button-font, inherit)',
  border: 'var(--dinhdanh-button-border, none)',
  cursor: 'pointer',
};

/**
 * A button that starts a login through `{basePath}/login` (the named `request`, at
 * `level`), labelled in the provider's language: "Đăng nhập bằng VNeID" by default.
 *
 * @example
 * ```tsx
 * <LoginButton provider="vneid" level={2} request="tax-filing" />
 * ```
 */
export function LoginButton(props: LoginButtonProps): ReactNode {
  const {
    provider = 'vneid',
    unstyled,
    children,
    request,
    level,
    returnTo,
    prompt,
    locale,
    style,
    className,
    ...button
  } = props;
  const { identity, messages } = useDinhDanh();
  const name = messages.providers[provider] ?? provider;
  const options: LoginOptions = {
    ...(request === undefined ? {} : { request }),
    ...(level === undefined ? {} : { level }),
    ...(returnTo === undefined ? {} : { returnTo }),
    ...(prompt === undefined ? {} : { prompt }),
    ...(locale === undefined ? {} : { locale }),
  };
  return (
    <button
      {...button}
      type="button"
      data-provider={provider}
      className={
        className === undefined ? 'dinhdanh-login-button' : `dinhdanh-login-button ${className}`
      }
      style={unstyled === true ? style : { ...LOOK, ...style }}
      onClick={() => identity.login(options)}
    >
      {children ?? messages.loginWith(name)}
    </button>
  );
}
