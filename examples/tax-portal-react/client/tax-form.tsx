import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { RequireLevel, useIdentity, usePrefill, type PrefillSource } from '@dinhdanh/react';
import { submitDeclaration, type SubmitOutcome } from './submit';

/** The taxpayer's fields, prefilled from the verified identity. */
const PREFILLED = {
  hoTen: 'fullName',
  ngaySinh: 'birthdate',
  mst: 'taxCode',
  dienThoai: 'phone',
  thuDienTu: 'email',
  diaChi: 'permanentAddress',
} as const satisfies Record<string, PrefillSource>;
type PrefilledField = keyof typeof PREFILLED;

const FIELDS: ReadonlyArray<{
  name: PrefilledField;
  label: string;
  type: string;
  autoComplete: string;
}> = [
  { name: 'hoTen', label: 'Họ và tên', type: 'text', autoComplete: 'name' },
  { name: 'ngaySinh', label: 'Ngày sinh', type: 'date', autoComplete: 'bday' },
  { name: 'mst', label: 'Mã số thuế', type: 'text', autoComplete: 'off' },
  { name: 'dienThoai', label: 'Số điện thoại', type: 'tel', autoComplete: 'tel' },
  { name: 'thuDienTu', label: 'Thư điện tử', type: 'email', autoComplete: 'email' },
  { name: 'diaChi', label: 'Địa chỉ thường trú', type: 'text', autoComplete: 'street-address' },
];

/** The declaration: prefilled taxpayer details, the income, and a submit that needs level 2. */
export function TaxForm(): ReactNode {
  const prefill = usePrefill(PREFILLED);
  const { level } = useIdentity();
  const [outcome, setOutcome] = useState<SubmitOutcome | 'sending' | undefined>(undefined);
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome !== undefined && outcome !== 'sending') result.current?.focus();
  }, [outcome]);
  if (!prefill.ready) return null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome('sending');
    setOutcome(await submitDeclaration(new FormData(event.currentTarget)));
  }

  return (
    <form
      aria-labelledby="to-khai"
      noValidate={false}
      onSubmit={(event) => void onSubmit(event)}
      data-testid="tax-form"
    >
      <h2 id="to-khai">Mẫu 02/QTT-TNCN (minh hoạ)</h2>
      <fieldset>
        <legend>Thông tin người nộp thuế</legend>
        <p className="hint">
          Điền sẵn từ thông tin bạn đã đồng ý chia sẻ khi đăng nhập. Bạn có thể sửa.
        </p>
        {FIELDS.map((f) => {
          const state = prefill.fields[f.name];
          return (
            <div className="field" key={f.name}>
              <label htmlFor={`f-${f.name}`}>{f.label}</label>
              <input
                id={`f-${f.name}`}
                type={f.type}
                autoComplete={f.autoComplete}
                required={f.name === 'hoTen' || f.name === 'mst'}
                data-prefill={state.status}
                {...prefill.field(f.name)}
              />
              {state.message !== undefined && (
                <p className="note" id={prefill.noteId(f.name)} data-testid={`note-${f.name}`}>
                  {state.message}
                </p>
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Thu nhập trong năm</legend>
        <div className="field">
          <label htmlFor="f-nam">Năm tính thuế</label>
          <input
            id="f-nam"
            name="nam"
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            defaultValue={new Date().getFullYear() - 1}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="f-thuNhap">Tổng thu nhập chịu thuế (đồng)</label>
          <input
            id="f-thuNhap"
            name="thuNhap"
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            required
          />
        </div>
      </fieldset>
      <p className="hint" id="submit-hint">
        Nộp tờ khai cần tài khoản định danh điện tử mức 2
        {level !== undefined && level < 2 ? ' (bạn đang đăng nhập ở mức 1)' : ''}.
      </p>
      <button type="submit" aria-describedby="submit-hint" disabled={outcome === 'sending'}>
        Nộp tờ khai
      </button>
      <div ref={result} tabIndex={-1} className="outcome" data-testid="outcome">
        <Outcome outcome={outcome} />
      </div>
    </form>
  );
}

function Outcome({ outcome }: { outcome: SubmitOutcome | 'sending' | undefined }): ReactNode {
  if (outcome === undefined) return <p role="status" />;
  if (outcome === 'sending') return <p role="status">Đang nộp tờ khai…</p>;
  switch (outcome.kind) {
    case 'submitted':
      return (
        <p role="status" className="success" data-testid="submitted">
          Đã nộp tờ khai. Mã hồ sơ <strong>{outcome.reference}</strong>, xác thực mức{' '}
          {outcome.level}.
        </p>
      );
    case 'needs_level':
      return (
        <div role="alert" data-testid="needs-level">
          <p>Chưa nộp được: cổng thuế từ chối vì phiên đăng nhập chưa đạt mức 2.</p>
          <RequireLevel level={2} request="taxFiling" returnTo="/" />
        </div>
      );
    case 'signed_out':
      return (
        <div role="alert">
          <p>Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.</p>
          <RequireLevel level={2} request="taxFiling" returnTo="/" />
        </div>
      );
    case 'invalid':
    case 'failed':
      return (
        <p role="alert" data-testid="submit-error">
          {outcome.message}
        </p>
      );
  }
}
