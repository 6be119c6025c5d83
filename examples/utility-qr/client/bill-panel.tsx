import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useIdentity } from '@dinhdanh/react';

interface Bill {
  readonly customerCode: string;
  readonly kwh: number;
  readonly amount: number;
}

type Payment =
  | { state: 'idle' | 'paying' }
  | { state: 'paid'; receipt: string }
  | { state: 'failed'; message: string };

const dong = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' });

/** The signed-in citizen's bill: pay it, or end the session. */
export function BillPanel(props: { readonly apiBase: string }): ReactNode {
  const { identity, level, logout } = useIdentity();
  const [bill, setBill] = useState<Bill | 'failed' | undefined>(undefined);
  const [payment, setPayment] = useState<Payment>({ state: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    fetch(`${props.apiBase}/api/hoa-don`, { headers: { accept: 'application/json' } })
      .then((r) =>
        r.ok ? (r.json() as Promise<Bill>) : Promise.reject(new Error(String(r.status))),
      )
      .then((b) => live && setBill(b))
      .catch(() => live && setBill('failed'));
    return () => {
      live = false;
    };
  }, [props.apiBase]);

  async function pay() {
    setPayment({ state: 'paying' });
    try {
      const response = await fetch(`${props.apiBase}/api/thanh-toan`, {
        method: 'POST',
        headers: { accept: 'application/json' },
      });
      const body = (await response.json()) as { receipt?: string };
      setPayment(
        response.ok && typeof body.receipt === 'string'
          ? { state: 'paid', receipt: body.receipt }
          : { state: 'failed', message: 'Chưa thanh toán được. Vui lòng thử lại.' },
      );
    } catch {
      setPayment({ state: 'failed', message: 'Mất kết nối. Vui lòng thử lại.' });
    }
  }

  const address = identity?.attributes.address?.permanent?.formatted;
  return (
    <section className="bill" aria-labelledby="bill-title" data-testid="bill">
      <h2 id="bill-title" ref={heading} tabIndex={-1}>
        Xin chào, <span data-testid="citizen-name">{identity?.attributes.name?.full}</span>
      </h2>
      <p data-testid="signed-in-level">Đã xác thực bằng VNeID, mức {level}.</p>
      {bill === undefined && <p role="status">Đang tải hoá đơn…</p>}
      {bill === 'failed' && (
        <p role="alert">Không tải được hoá đơn. Vui lòng hỏi nhân viên quầy.</p>
      )}
      {typeof bill === 'object' && (
        <dl className="bill-lines">
          <dt>Mã khách hàng</dt>
          <dd>{bill.customerCode}</dd>
          <dt>Địa chỉ sử dụng điện</dt>
          <dd>{address ?? 'Bạn chưa chia sẻ địa chỉ'}</dd>
          <dt>Điện năng tiêu thụ</dt>
          <dd>{bill.kwh} kWh</dd>
          <dt>Số tiền phải trả</dt>
          <dd data-testid="amount">{dong.format(bill.amount)}</dd>
        </dl>
      )}
      <div role="status" aria-live="polite" data-testid="payment-status">
        {payment.state === 'paying' && 'Đang thanh toán…'}
        {payment.state === 'paid' && `Đã thanh toán. Số biên nhận ${payment.receipt}.`}
      </div>
      {payment.state === 'failed' && <p role="alert">{payment.message}</p>}
      <div className="actions">
        {typeof bill === 'object' && payment.state !== 'paid' && (
          <button type="button" onClick={() => void pay()} disabled={payment.state === 'paying'}>
            Thanh toán {dong.format(bill.amount)}
          </button>
        )}
        <button type="button" className="secondary" onClick={logout}>
          Kết thúc phiên
        </button>
      </div>
    </section>
  );
}
