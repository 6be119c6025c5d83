import { useEffect, useState, type ReactNode } from 'react';
import { useQrMessages } from './messages';

/** Seconds left until `expiresAt`, ticking once a second (not announced: it would be noise). */
export function Countdown(props: { readonly expiresAt: number }): ReactNode {
  const messages = useQrMessages();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [props.expiresAt]);
  const left = Math.max(0, (props.expiresAt - now) / 1000);
  return (
    <p className="dinhdanh-qr-countdown" aria-hidden="true">
      <time dateTime={`PT${Math.ceil(left)}S`}>{messages.qrExpiresIn(left)}</time>
    </p>
  );
}
