import { fireEvent, render, screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '@dinhdanh/core';
import { DinhDanhProvider, usePrefill, type Locale } from '@dinhdanh/react';
import { answerMe, authenticated } from './support/backend';

const WITH_ADDRESSES = authenticated({
  identity: {
    provider: 'vneid',
    accountType: 'citizen',
    level: 2,
    attributes: {
      name: { full: 'Trần Thị Bình', family: 'Trần', middle: 'Thị', given: 'Bình' },
      birthdate: '1990-07-02',
      address: {
        permanent: {
          shape: '2025',
          formatted: '12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh',
          street: '12 Lê Lợi',
          ward: 'Phường Bến Thành',
          province: 'TP Hồ Chí Minh',
        },
        current: {
          shape: 'legacy',
          formatted: '5 Trần Phú, Phường 4, Quận 5, TP Hồ Chí Minh',
          street: '5 Trần Phú',
          ward: 'Phường 4',
          district: 'Quận 5',
          province: 'TP Hồ Chí Minh',
        },
      },
    },
  },
  granted: ['name', 'birthdate', 'address', 'pid'],
});

const MAPPING = {
  hoTen: 'fullName',
  ho: 'familyName',
  ten: 'givenName',
  ngaySinh: 'birthdate',
  thuongTru: 'permanentAddress',
  tinh: 'permanentProvince',
  huyenThuongTru: 'permanentDistrict',
  huyenHienTai: 'currentDistrict',
  soDinhDanh: 'pid',
  dienThoai: 'phone',
} as const;

function UncontrolledForm() {
  const prefill = usePrefill(MAPPING);
  if (!prefill.ready) return <p>đang tải</p>;
  return (
    <form>
      {(Object.keys(MAPPING) as (keyof typeof MAPPING)[]).map((name) => (
        <label key={name}>
          {name}
          <input {...prefill.field(name)} />
          {prefill.fields[name].message === undefined ? null : (
            <small id={prefill.noteId(name)}>{prefill.fields[name].message}</small>
          )}
        </label>
      ))}
    </form>
  );
}

function HookForm(props: { onSubmit: (values: unknown) => void }) {
  const prefill = usePrefill({ fullName: 'fullName', taxCode: 'taxCode', email: 'email' });
  const { register, handleSubmit } = useForm({ values: prefill.values });
  return (
    <form onSubmit={(event) => void handleSubmit(props.onSubmit)(event)}>
      <input {...register('fullName')} />
      <input {...register('taxCode')} />
      <input {...register('email')} />
      <button type="submit">gửi</button>
    </form>
  );
}

function renderWith(ui: React.ReactNode, me: MeResponse, locale: Locale = 'vi') {
  answerMe(me);
  render(<DinhDanhProvider locale={locale}>{ui}</DinhDanhProvider>);
}

const input = (name: string) => {
  const found = document.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (found === null) throw new Error(`no input ${name}`);
  return found;
};

describe('usePrefill', () => {
  it('fills an uncontrolled form from the identity, addresses in either shape', async () => {
    renderWith(<UncontrolledForm />, WITH_ADDRESSES);
    expect(screen.getByText('đang tải')).toBeTruthy();
    await screen.findByRole('textbox', { name: /^hoTen/ });
    expect(input('hoTen').value).toBe('Trần Thị Bình');
    expect(input('ho').value).toBe('Trần');
    expect(input('ten').value).toBe('Bình');
    expect(input('ngaySinh').value).toBe('1990-07-02');
    expect(input('thuongTru').value).toBe('12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh');
    expect(input('tinh').value).toBe('TP Hồ Chí Minh');
    expect(input('huyenThuongTru').value).toBe(''); // the 2025 shape has no district
    expect(input('huyenHienTai').value).toBe('Quận 5');
    expect(input('hoTen').name).toBe('hoTen');
  });

  it('leaves a field the citizen did not share empty and says so, linked for screen readers', async () => {
    renderWith(<UncontrolledForm />, WITH_ADDRESSES);
    await screen.findByRole('textbox', { name: /^dienThoai/ });
    const phone = input('dienThoai');
    expect(phone.value).toBe('');
    const note = document.getElementById(phone.getAttribute('aria-describedby')!);
    expect(note?.textContent).toBe('Bạn chưa đồng ý chia sẻ “Số điện thoại”. Vui lòng nhập.');
    // pid was shared but not shown by the server's meAttributes: empty, but not "not shared".
    expect(input('soDinhDanh').value).toBe('');
    expect(input('soDinhDanh').getAttribute('aria-describedby')).toBeNull();
  });

  it('says it in English', async () => {
    renderWith(<UncontrolledForm />, WITH_ADDRESSES, 'en');
    await screen.findByRole('textbox', { name: /^dienThoai/ });
    expect(
      screen.getByText('You did not agree to share “Phone number”. Please fill it in.'),
    ).toBeTruthy();
  });

  it('works with react-hook-form: values arrive when /me does, the citizen types what was not shared', async () => {
    const onSubmit = vi.fn();
    renderWith(<HookForm onSubmit={onSubmit} />, authenticated());
    await vi.waitFor(() => expect(input('fullName').value).toBe('Nguyễn Văn An'));
    expect(input('taxCode').value).toBe('8012345678');
    fireEvent.change(input('email'), { target: { value: 'an@example.vn' } });
    fireEvent.click(screen.getByRole('button', { name: 'gửi' }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0]![0]).toEqual({
      fullName: 'Nguyễn Văn An',
      taxCode: '8012345678',
      email: 'an@example.vn',
    });
  });

  it('for an anonymous visitor every field is empty, none “not shared”', async () => {
    renderWith(<UncontrolledForm />, { status: 'anonymous' });
    await screen.findByRole('textbox', { name: /^hoTen/ });
    expect(input('hoTen').value).toBe('');
    expect(screen.queryByText(/chưa đồng ý/)).toBeNull();
  });
});
