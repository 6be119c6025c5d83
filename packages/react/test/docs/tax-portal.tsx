import { useState } from 'react';
import type { NamedLoginRequests } from '@dinhdanh/core';
import {
  ConsentNotice,
  DinhDanhProvider,
  LoginButton,
  QrLogin,
  RequireLevel,
  useIdentity,
  usePrefill,
} from '@dinhdanh/react';

// Plain data: the server passes the same object to createAuthHandlers(rp, { requests }).
export const requests = {
  taxFiling: {
    level: 2,
    claims: ['name', 'birthdate', 'taxCode', 'phone'],
    required: ['taxCode'],
    purpose: 'Khai thuế thu nhập cá nhân',
  },
} satisfies NamedLoginRequests;

function TaxReturn() {
  const prefill = usePrefill({
    hoTen: 'fullName',
    ngaySinh: 'birthdate',
    mst: 'taxCode',
    dienThoai: 'phone',
  });
  if (!prefill.ready) return null;
  return (
    <form method="post" action="/to-khai">
      {(['hoTen', 'ngaySinh', 'mst', 'dienThoai'] as const).map((name) => (
        <label key={name}>
          {name}
          <input {...prefill.field(name)} />
          {prefill.fields[name].message && (
            <small id={prefill.noteId(name)}>{prefill.fields[name].message}</small>
          )}
        </label>
      ))}
      <button type="submit">Nộp tờ khai</button>
    </form>
  );
}

function Portal() {
  const { status, identity, logout } = useIdentity();
  const [qr, setQr] = useState(false);
  if (status === 'loading') return <p>Đang tải…</p>;
  if (status !== 'authenticated') {
    return (
      <>
        <ConsentNotice request={requests.taxFiling} />
        <LoginButton request="taxFiling" level={2} returnTo="/to-khai" />
        <button type="button" onClick={() => setQr(true)}>
          Dùng mã QR
        </button>
        {qr && <QrLogin request="taxFiling" level={2} returnTo="/to-khai" />}
      </>
    );
  }
  return (
    <>
      <p>Xin chào, {identity?.attributes.name?.full}</p>
      <button type="button" onClick={logout}>
        Đăng xuất
      </button>
      <RequireLevel level={2} request="taxFiling">
        <TaxReturn />
      </RequireLevel>
    </>
  );
}

export function App() {
  return (
    <DinhDanhProvider basePath="/auth">
      <Portal />
    </DinhDanhProvider>
  );
}
