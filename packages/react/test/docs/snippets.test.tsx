/**
 * The usage snippet of the package README and docs/react.md is test/docs/tax-portal.tsx,
 * verbatim, and that app runs here against msw answering core's endpoints.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ANONYMOUS, answerMe, answerQr, authenticated, CSRF } from '../support/backend';
import { App } from './tax-portal';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const APP = read('./tax-portal.tsx');

describe('docs snippets', () => {
  for (const doc of ['../../README.md', '../../../../docs/react.md']) {
    it(`${doc.replace(/^[./]+/, '')} shows test/docs/tax-portal.tsx verbatim`, () => {
      expect(read(doc)).toContain(
        `<!-- snippet: packages/react/test/docs/tax-portal.tsx -->\n\n\`\`\`tsx\n${APP}\`\`\``,
      );
    });
  }

  it('the tax portal: anonymous visitors see the consent notice, the login button and the QR option', async () => {
    answerMe(ANONYMOUS);
    answerQr(
      {
        qrUri: 'https://vneid.example/qr?c=1',
        expiresAt: new Date(Date.now() + 60_000).toISOString(),
        interval: 5,
      },
      [{ status: 'pending', interval: 5 }],
    );
    render(<App />);
    expect(await screen.findByRole('button', { name: 'Đăng nhập bằng VNeID' })).toBeTruthy();
    expect(screen.getByText('Mã số thuế (bắt buộc)')).toBeTruthy();
    expect(screen.getByText('Mục đích sử dụng: Khai thuế thu nhập cá nhân')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dùng mã QR' }));
    expect(await screen.findByText('Đang chờ bạn xác nhận trên điện thoại…')).toBeTruthy();
  });

  it('the tax portal: a level-2 citizen gets the prefilled return and a CSRF-checked logout', async () => {
    answerMe(authenticated());
    const posted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (
      this: HTMLFormElement,
    ) {
      posted.push(this);
    });
    render(<App />);
    expect(await screen.findByText('Xin chào, Nguyễn Văn An')).toBeTruthy();
    const field = (name: string) =>
      document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    expect(field('hoTen').value).toBe('Nguyễn Văn An');
    expect(field('mst').value).toBe('8012345678');
    expect(field('dienThoai').value).toBe('');
    expect(
      screen.getByText('Bạn chưa đồng ý chia sẻ “Số điện thoại”. Vui lòng nhập.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(Object.fromEntries(new FormData(posted[0]))).toEqual({ csrf_token: CSRF });
  });
});
