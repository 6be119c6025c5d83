import { useEffect, type ReactNode } from 'react';
import { ConsentNotice, QrLogin, useIdentity } from '@dinhdanh/react';
import { deviceRequests, SHARE_BASE, shareRequests } from '../src/requests';
import { BillPanel } from './bill-panel';

/** The two ways in. */
export type FlowId = 'device' | 'share';

const FLOWS: Record<
  FlowId,
  { title: string; how: string; request: (typeof deviceRequests)['default']; apiBase: string }
> = {
  device: {
    title: 'Quét mã QR bằng ứng dụng VNeID',
    how: 'Mở ứng dụng VNeID, chọn quét mã QR, rồi xác nhận trên điện thoại. Không quét được? Mở trang xác nhận thiết bị của VNeID trên điện thoại và nhập mã bên dưới.',
    request: deviceRequests.default,
    apiBase: '',
  },
  share: {
    title: 'Chia sẻ thông tin qua VNeID',
    how: 'Quét mã để mở yêu cầu chia sẻ trong ứng dụng VNeID; xem những thông tin được yêu cầu và mục đích, rồi đồng ý hoặc từ chối.',
    request: shareRequests.default,
    apiBase: SHARE_BASE,
  },
};

/** One way in: the login while signed out, the bill once signed in. */
export function Flow(props: {
  readonly id: FlowId;
  readonly hidden: boolean;
  readonly onSignedIn: (id: FlowId) => void;
}): ReactNode {
  const { id, hidden, onSignedIn } = props;
  const { status } = useIdentity();
  useEffect(() => {
    if (status === 'authenticated') onSignedIn(id);
  }, [status, id, onSignedIn]);
  if (hidden) return null;
  const flow = FLOWS[id];
  if (status === 'authenticated') return <BillPanel apiBase={flow.apiBase} />;
  return (
    <section className="way" aria-labelledby={`${id}-title`} data-testid={`flow-${id}`}>
      <h2 id={`${id}-title`}>{flow.title}</h2>
      <p>{flow.how}</p>
      {status === 'loading' ? (
        <p role="status">Đang tải…</p>
      ) : (
        <>
          <QrLogin returnTo="/" onApproved={() => undefined} />
          <ConsentNotice request={flow.request} />
        </>
      )}
    </section>
  );
}
