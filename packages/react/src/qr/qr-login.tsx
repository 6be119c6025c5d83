import type { ReactNode } from 'react';
import { useQrMessages } from './messages';
import type { QrMessages } from '../messages/messages';
import { Countdown } from './countdown';
import { QrCode } from './qr-code';
import { useQrLogin, type QrLoginOptions, type QrLoginState } from './use-qr-login';

/** Props of {@link QrLogin}. */
export interface QrLoginProps extends QrLoginOptions {
  /** Class of the wrapping `<section>`. */
  readonly className?: string;
}

function announcement(state: QrLoginState, messages: QrMessages): string {
  switch (state.status) {
    case 'starting':
      return messages.qrStarting;
    case 'pending':
      return messages.qrPending;
    case 'approved':
      return messages.qrApproved;
    case 'denied':
      return messages.qrDenied;
    case 'expired':
      return messages.qrExpired;
    case 'error':
      return messages.qrFailed;
  }
}

/**
 * Cross-device login: shows a QR code (and the user code) the citizen scans with the
 * VNeID app on a phone, counts down to its expiry, polls the server at the interval it
 * sets, and offers a new code after a refusal, an expiry or an error. State changes are
 * announced to screen readers through an `aria-live` region.
 *
 * @example
 * ```tsx
 * <QrLogin request="default" level={2} onApproved={(returnTo) => router.push(returnTo)} />
 * ```
 */
export function QrLogin(props: QrLoginProps): ReactNode {
  const { className, ...options } = props;
  const messages = useQrMessages();
  const { state, retry } = useQrLogin(options);
  const finished =
    state.status === 'denied' || state.status === 'expired' || state.status === 'error';
  return (
    <section className={className ?? 'dinhdanh-qr'} data-status={state.status}>
      {state.status === 'pending' ? (
        <>
          <p>{messages.qrScan}</p>
          <QrCode value={state.qrUri} label={messages.qrImage} />
          {state.userCode === undefined ? null : (
            <p className="dinhdanh-qr-user-code">
              {messages.qrUserCode} <strong>{state.userCode}</strong>
            </p>
          )}
          <Countdown expiresAt={state.expiresAt} />
        </>
      ) : null}
      <p role="status" aria-live="polite">
        {announcement(state, messages)}
      </p>
      {finished ? (
        <button type="button" onClick={retry}>
          {messages.qrRetry}
        </button>
      ) : null}
    </section>
  );
}
