import { act, fireEvent, render, screen } from '@testing-library/react';
import { HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { MeResponse, QrStartResponse } from '@dinhdanh/core';
import { DinhDanhProvider, QrLogin, type Locale } from '@dinhdanh/react';
import { ANONYMOUS, answerMe, answerQr, authenticated, CSRF, problem } from './support/backend';

const T0 = Date.parse('2030-01-01T08:00:00.000Z');

function start(overrides: Partial<QrStartResponse> = {}): QrStartResponse {
  return {
    qrUri: 'https://vneid.example/qr?code=WDJB-MJHT',
    userCode: 'WDJB-MJHT',
    expiresAt: new Date(T0 + 120_000).toISOString(),
    interval: 5,
    ...overrides,
  };
}

/** Fake timers and clock: polls and the countdown run on the test's time, no sleeping. */
function fakeClock() {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });
  vi.setSystemTime(T0);
}

/** Advances the test's clock and lets every fetch answered meanwhile settle. */
async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  for (let round = 0; round < 5; round += 1) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

function show(
  props: { onApproved?: (returnTo: string) => void; me?: MeResponse; locale?: Locale } = {},
) {
  const navigate = vi.fn<(url: string) => void>();
  render(
    <DinhDanhProvider
      initialMe={props.me ?? ANONYMOUS}
      navigate={navigate}
      locale={props.locale ?? 'vi'}
    >
      <QrLogin
        request="default"
        level={2}
        returnTo="/tien-dien"
        {...(props.onApproved === undefined ? {} : { onApproved: props.onApproved })}
      />
    </DinhDanhProvider>,
  );
  return navigate;
}

const live = () => screen.getByRole('status');
const section = () => live().closest('section')!;

describe('<QrLogin>', () => {
  it('starts with a CSRF-checked POST, shows the QR as SVG, the user code and a countdown', async () => {
    fakeClock();
    const qr = answerQr(start(), [{ status: 'pending', interval: 5 }]);
    show({ me: authenticated({ level: 1 }) });
    expect(live().textContent).toBe('Đang tạo mã QR…');
    expect(live().getAttribute('aria-live')).toBe('polite');
    await advance(0);
    expect(section().dataset.status).toBe('pending');
    expect(live().textContent).toBe('Đang chờ bạn xác nhận trên điện thoại…');
    const request = qr.starts[0]!;
    expect(request.headers.get('x-csrf-token')).toBe(CSRF);
    expect(request.headers.get('content-type')).toBe('application/json');
    expect(await request.json()).toEqual({ request: 'default', level: 2, returnTo: '/tien-dien' });
    expect(screen.getByText('WDJB-MJHT')).toBeTruthy();
    expect(screen.getByText('Mã hết hạn sau 2:00')).toBeTruthy();
    // The encoder loads lazily; then the QR is one SVG path of dark modules.
    await act(async () => {
      await vi.dynamicImportSettled();
    });
    const image = screen.getByRole('img', { name: 'Mã QR đăng nhập' });
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect(image.querySelector('path')!.getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
    await advance(1000);
    expect(screen.getByText('Mã hết hạn sau 1:59')).toBeTruthy();
  });

  it('polls every `interval` seconds while pending, then approved → onApproved(returnTo)', async () => {
    fakeClock();
    const qr = answerQr(start(), [
      { status: 'pending', interval: 5 },
      { status: 'pending', interval: 5 },
      { status: 'approved', returnTo: '/tien-dien' },
    ]);
    const me = answerMe(authenticated());
    const onApproved = vi.fn();
    show({ onApproved });
    await advance(0);
    await advance(4_999);
    expect(qr.polls).toHaveLength(0);
    await advance(1);
    await advance(5_000);
    await advance(5_000);
    expect(qr.polls.map((t) => t - T0)).toEqual([5_000, 10_000, 15_000]);
    expect(live().textContent).toBe('Đã xác nhận. Đang đăng nhập…');
    expect(onApproved).toHaveBeenCalledWith('/tien-dien');
    expect(me.calls).toBe(1); // the identity was read again before onApproved
    await advance(30_000);
    expect(qr.polls).toHaveLength(3); // no poll after the end
  });

  it('without onApproved, navigates to returnTo once approved', async () => {
    fakeClock();
    answerQr(start({ interval: 1 }), [{ status: 'approved', returnTo: '/tien-dien' }]);
    const navigate = show();
    await advance(0);
    await advance(1_000);
    expect(navigate).toHaveBeenCalledWith('/tien-dien');
  });

  it('honours slow_down: waits the longer interval from then on (at least +5 s)', async () => {
    fakeClock();
    const qr = answerQr(start(), [
      { status: 'slow_down', interval: 10 },
      { status: 'pending', interval: 10 },
      { status: 'slow_down', interval: 10 }, // a server that forgot to add 5 s
      { status: 'pending', interval: 15 },
    ]);
    show();
    await advance(0);
    for (let i = 0; i < 8; i += 1) await advance(5_000);
    expect(qr.polls.map((t) => (t - T0) / 1000)).toEqual([5, 15, 25, 40]);
    expect(section().dataset.status).toBe('pending');
  });

  it('denied → says so, and retry starts a new code', async () => {
    fakeClock();
    const qr = answerQr(start(), [{ status: 'denied' }]);
    show();
    await advance(0);
    await advance(5_000);
    expect(live().textContent).toBe('Bạn đã từ chối đăng nhập.');
    expect(screen.queryByRole('img')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã mới' }));
    await advance(0);
    expect(qr.starts).toHaveLength(2);
    expect(section().dataset.status).toBe('pending');
  });

  it('expired by the server’s poll answer', async () => {
    fakeClock();
    answerQr(start(), [{ status: 'expired' }]);
    show();
    await advance(0);
    await advance(5_000);
    expect(live().textContent).toBe('Mã QR đã hết hạn.');
    expect(screen.getByRole('button', { name: 'Tạo mã mới' })).toBeTruthy();
  });

  it('expired by the clock: stops polling at expiresAt without asking again', async () => {
    fakeClock();
    const qr = answerQr(start({ expiresAt: new Date(T0 + 12_000).toISOString() }), [
      { status: 'pending', interval: 5 },
    ]);
    show();
    await advance(0);
    await advance(10_000);
    expect(qr.polls).toHaveLength(2);
    await advance(2_000);
    expect(section().dataset.status).toBe('expired');
    await advance(60_000);
    expect(qr.polls).toHaveLength(2);
  });

  it('expired when the poll answers core’s qr_expired error (the sealed cookie ran out)', async () => {
    fakeClock();
    answerQr(start(), [() => problem('qr_expired', 400)]);
    show();
    await advance(0);
    await advance(5_000);
    expect(section().dataset.status).toBe('expired');
  });

  it('error when start is refused (csrf_failed), with a retry that can succeed', async () => {
    fakeClock();
    let refused = true;
    answerQr(
      () => (refused ? problem('csrf_failed', 403) : HttpResponse.json(start())),
      [{ status: 'pending', interval: 5 }],
    );
    show();
    await advance(0);
    expect(live().textContent).toBe('Không đăng nhập được bằng mã QR.');
    refused = false;
    fireEvent.click(screen.getByRole('button', { name: 'Tạo mã mới' }));
    await advance(0);
    expect(section().dataset.status).toBe('pending');
  });

  it('error for a start answer that is not core’s shape', async () => {
    fakeClock();
    answerQr(() => HttpResponse.json({ qrUri: 42 }), [{ status: 'pending', interval: 5 }]);
    show();
    await advance(0);
    expect(section().dataset.status).toBe('error');
  });

  it('speaks English', async () => {
    fakeClock();
    answerQr(start(), [{ status: 'denied' }]);
    show({ locale: 'en' });
    expect(live().textContent).toBe('Creating the QR code…');
    await advance(0);
    expect(screen.getByText('Code expires in 2:00')).toBeTruthy();
    expect(live().textContent).toBe('Waiting for you to approve on your phone…');
    await advance(5_000);
    expect(live().textContent).toBe('You declined the login.');
    expect(screen.getByRole('button', { name: 'New code' })).toBeTruthy();
  });

  it('stops polling when unmounted', async () => {
    fakeClock();
    const qr = answerQr(start(), [{ status: 'pending', interval: 5 }]);
    show();
    await advance(0);
    const { cleanup } = await import('@testing-library/react');
    cleanup();
    await advance(60_000);
    expect(qr.polls).toHaveLength(0);
  });
});
