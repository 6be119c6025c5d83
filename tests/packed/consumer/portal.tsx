/** A React page against the installed @dinhdanh/react types (JSX, react-jsx runtime). */
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

const taxFiling = {
  level: 2,
  claims: ['name', 'taxCode'],
  required: ['taxCode'],
  purpose: 'Khai thuế thu nhập cá nhân',
} satisfies NamedLoginRequests[string];

function TaxForm() {
  const prefill = usePrefill({ hoTen: 'fullName', mst: 'taxCode' });
  if (!prefill.ready) return null;
  return (
    <form method="post" action="/to-khai">
      <input {...prefill.field('hoTen')} />
      <input {...prefill.field('mst')} />
    </form>
  );
}

function Portal() {
  const { status, identity, logout } = useIdentity();
  if (status !== 'authenticated') {
    return (
      <>
        <ConsentNotice request={taxFiling} />
        <LoginButton request="taxFiling" level={2} />
        <QrLogin request="taxFiling" level={2} />
      </>
    );
  }
  return (
    <RequireLevel level={2} request="taxFiling">
      <p>{identity?.attributes.name?.full}</p>
      <button type="button" onClick={logout}>
        Đăng xuất
      </button>
      <TaxForm />
    </RequireLevel>
  );
}

export function App() {
  return (
    <DinhDanhProvider basePath="/auth">
      <Portal />
    </DinhDanhProvider>
  );
}
