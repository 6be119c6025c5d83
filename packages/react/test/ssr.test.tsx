// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@dinhdanh/core';
import * as dinhdanh from '@dinhdanh/react';
import { authenticated } from './support/backend';

const { ConsentNotice, DinhDanhProvider, LoginButton, QrLogin, RequireLevel } = dinhdanh;

function page(me: MeResponse) {
  return renderToString(
    <DinhDanhProvider basePath="/auth" initialMe={me}>
      <LoginButton level={2} />
      <RequireLevel level={2}>nội dung mức 2</RequireLevel>
      <ConsentNotice request={{ claims: ['name'], purpose: 'Hóa đơn điện' }} />
      <QrLogin request="default" />
    </DinhDanhProvider>,
  );
}

describe('server rendering', () => {
  it('imports and renders without a window', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof dinhdanh.useIdentity).toBe('function');
    const html = page(authenticated({ level: 2 }));
    expect(html).toContain('Đăng nhập bằng VNeID');
    expect(html).toContain('nội dung mức 2');
    expect(html).toContain('Họ, chữ đệm và tên');
    expect(html).toContain('Đang tạo mã QR…');
  });

  it('renders the step-up offer for a lower level', () => {
    const html = page(authenticated({ level: 1 }));
    expect(html).not.toContain('nội dung mức 2');
    expect(html).toContain('Xác thực Mức độ 2');
  });
});
