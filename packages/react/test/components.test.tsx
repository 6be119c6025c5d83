import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { MeResponse, NamedLoginRequest } from '@dinhdanh/core';
import {
  ConsentNotice,
  DinhDanhProvider,
  LoginButton,
  RequireLevel,
  type Locale,
} from '@dinhdanh/react';
import { ANONYMOUS, answerMe, authenticated } from './support/backend';

function inProvider(
  ui: ReactNode,
  options: { me?: MeResponse; locale?: Locale; messages?: object } = {},
) {
  const navigate = vi.fn<(url: string) => void>();
  render(
    <DinhDanhProvider
      initialMe={options.me ?? ANONYMOUS}
      navigate={navigate}
      {...(options.locale === undefined ? {} : { locale: options.locale })}
      {...(options.messages === undefined ? {} : { messages: options.messages })}
    >
      {ui}
    </DinhDanhProvider>,
  );
  return navigate;
}

describe('<LoginButton>', () => {
  it('is a button named “Đăng nhập bằng VNeID” by default, with no logo image', () => {
    inProvider(<LoginButton />);
    const button = screen.getByRole('button', { name: 'Đăng nhập bằng VNeID' });
    expect(button.getAttribute('type')).toBe('button');
    expect(button.querySelector('img, svg')).toBeNull();
  });

  it('speaks English and names other providers', () => {
    inProvider(<LoginButton provider="postid" />, { locale: 'en' });
    expect(screen.getByRole('button', { name: 'Log in with PostID' })).toBeTruthy();
  });

  it('takes its look from CSS variables, or none when unstyled', () => {
    inProvider(
      <>
        <LoginButton />
        <LoginButton unstyled className="mine">
          Vào bằng VNeID
        </LoginButton>
      </>,
    );
    const [styled, plain] = screen.getAllByRole('button');
    expect(styled!.getAttribute('style')).toContain('var(--dinhdanh-button-bg');
    expect(plain!.getAttribute('style')).toBeNull();
    expect(plain!.className).toBe('dinhdanh-login-button mine');
  });

  it('starts the named request at its level on click', () => {
    const navigate = inProvider(<LoginButton request="tax" level={2} returnTo="/khai-thue" />);
    fireEvent.click(screen.getByRole('button'));
    expect(navigate).toHaveBeenCalledWith('/auth/login?request=tax&level=2&returnTo=%2Fkhai-thue');
  });

  it('uses overridden messages', () => {
    inProvider(<LoginButton />, { messages: { loginWith: (p: string) => `Vào bằng ${p}` } });
    expect(screen.getByRole('button', { name: 'Vào bằng VNeID' })).toBeTruthy();
  });
});

describe('<RequireLevel>', () => {
  it('shows the children to a session at the level or above', () => {
    inProvider(<RequireLevel level={2}>hồ sơ thuế</RequireLevel>, {
      me: authenticated({ level: 2 }),
    });
    expect(screen.getByText('hồ sơ thuế')).toBeTruthy();
  });

  it('below the level offers a step-up to it, in Vietnamese', () => {
    const navigate = inProvider(
      <RequireLevel level={2} returnTo="/bhxh">
        hồ sơ
      </RequireLevel>,
      { me: authenticated({ level: 1 }) },
    );
    expect(screen.queryByText('hồ sơ')).toBeNull();
    expect(
      screen.getByText('Dịch vụ này yêu cầu tài khoản định danh điện tử Mức độ 2.'),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Xác thực Mức độ 2' }));
    expect(navigate).toHaveBeenCalledWith('/auth/login?level=2&stepUp=1&returnTo=%2Fbhxh');
  });

  it('to an anonymous visitor offers a login at the level, in English', () => {
    const navigate = inProvider(
      <RequireLevel level={1} request="basic" returnTo="/">
        x
      </RequireLevel>,
      { locale: 'en' },
    );
    expect(screen.getByText('This service needs an e-identity account at Level 1.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Verify at Level 1' }));
    expect(navigate).toHaveBeenCalledWith('/auth/login?request=basic&level=1&returnTo=%2F');
  });

  it('renders the fallback when given, and the loading slot while /me loads', async () => {
    inProvider(
      <RequireLevel level={2} fallback={<p>cần mức 2</p>}>
        x
      </RequireLevel>,
      { me: authenticated({ level: 1 }) },
    );
    expect(screen.getByText('cần mức 2')).toBeTruthy();
    answerMe(authenticated());
    render(
      <DinhDanhProvider>
        <RequireLevel level={2} loading={<p>đang tải</p>}>
          nội dung
        </RequireLevel>
      </DinhDanhProvider>,
    );
    expect(screen.getByText('đang tải')).toBeTruthy();
    expect(await screen.findByText('nội dung')).toBeTruthy();
  });
});

describe('<ConsentNotice>', () => {
  const request: NamedLoginRequest = {
    claims: ['name', 'pid', 'healthInsurance'],
    required: ['pid'],
    purpose: 'Cấp thẻ bảo hiểm y tế',
  };

  it('lists the attributes in Vietnamese from core’s catalogue, marks required and sensitive, says the purpose', () => {
    inProvider(<ConsentNotice request={request} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Họ, chữ đệm và tên',
      'Số định danh cá nhân (bắt buộc)',
      'Thẻ bảo hiểm y tế — dữ liệu cá nhân nhạy cảm',
    ]);
    expect(screen.getByText('Mục đích sử dụng: Cấp thẻ bảo hiểm y tế')).toBeTruthy();
  });

  it('speaks English', () => {
    inProvider(<ConsentNotice request={{ required: ['taxCode'] }} />, { locale: 'en' });
    expect(screen.getByRole('listitem').textContent).toBe('Tax code (required)');
    expect(screen.queryByText(/Purpose/)).toBeNull();
  });
});
