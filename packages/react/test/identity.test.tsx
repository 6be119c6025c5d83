import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { HttpResponse } from 'msw';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { DinhDanhProvider, useIdentity, type IdentityValue } from '@dinhdanh/react';
import { ANONYMOUS, answerMe, authenticated, CSRF, problem } from './support/backend';

function setup(navigate = vi.fn<(url: string) => void>()) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <DinhDanhProvider basePath="/auth" navigate={navigate}>
      {children}
    </DinhDanhProvider>
  );
  return { navigate, ...renderHook(() => useIdentity(), { wrapper }) };
}

const settled = (result: { current: IdentityValue }) =>
  waitFor(() => expect(result.current.status).not.toBe('loading'));

describe('useIdentity: status transitions', () => {
  it('loading → anonymous', async () => {
    answerMe(ANONYMOUS);
    const { result } = setup();
    expect(result.current.status).toBe('loading');
    await settled(result);
    expect(result.current).toMatchObject({
      status: 'anonymous',
      identity: undefined,
      level: undefined,
      consent: undefined,
      error: undefined,
    });
  });

  it('loading → authenticated, with identity, level, consent and expiry', async () => {
    answerMe(authenticated({ level: 1 }));
    const { result } = setup();
    await settled(result);
    expect(result.current.status).toBe('authenticated');
    expect(result.current.level).toBe(1);
    expect(result.current.identity?.attributes.name?.full).toBe('Nguyễn Văn An');
    expect(result.current.consent).toEqual({ granted: ['name', 'birthdate', 'gender', 'taxCode'] });
    expect(result.current.expiresAt).toBe('2030-01-01T08:00:00.000Z');
  });

  it('loading → error with core’s code when /me fails', async () => {
    answerMe(() => problem('server_error', 500));
    const { result } = setup();
    await settled(result);
    expect(result.current.status).toBe('error');
    expect(result.current.error).toEqual({
      code: 'server_error',
      status: 500,
      message: 'refused: server_error',
    });
  });

  it('loading → error response_invalid for an answer that is not a session summary', async () => {
    answerMe(() => HttpResponse.json({ status: 'authenticated', level: 7 }));
    const { result } = setup();
    await settled(result);
    expect(result.current.error?.code).toBe('response_invalid');
    expect(result.current.identity).toBeUndefined();
  });

  it('loading → error network_failed when the server cannot be reached', async () => {
    answerMe(() => HttpResponse.error());
    const { result } = setup();
    await settled(result);
    expect(result.current.error?.code).toBe('network_failed');
  });

  it('refresh(): anonymous → authenticated → anonymous, and error → authenticated', async () => {
    const me = answerMe(
      ANONYMOUS,
      authenticated(),
      ANONYMOUS,
      () => problem('server_error', 500),
      authenticated(),
    );
    const { result } = setup();
    await settled(result);
    for (const expected of ['authenticated', 'anonymous', 'error', 'authenticated']) {
      await act(() => result.current.refresh());
      expect(result.current.status).toBe(expected);
    }
    expect(me.calls).toBe(5);
  });

  it('initialMe (server rendering) renders at once, without loading or a request', () => {
    const me = answerMe(ANONYMOUS);
    render(
      <DinhDanhProvider initialMe={authenticated()}>
        <Status />
      </DinhDanhProvider>,
    );
    expect(screen.getByText('authenticated 2')).toBeTruthy();
    expect(me.calls).toBe(0);
  });

  it('throws a clear error outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // React 18 also reports render errors as window `error` events (jsdom prints them).
    const quiet = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', quiet);
    onTestFinished(() => window.removeEventListener('error', quiet));
    expect(() => renderHook(() => useIdentity())).toThrow(/DinhDanhProvider/);
  });
});

function Status() {
  const { status, level } = useIdentity();
  return <p>{`${status} ${level ?? '-'}`}</p>;
}

describe('login, step-up and logout', () => {
  it('login() goes to /auth/login with the named request, level and the current page as returnTo', async () => {
    answerMe(ANONYMOUS);
    window.history.replaceState(null, '', '/to-khai?nam=2025#b');
    const { result, navigate } = setup();
    await settled(result);
    result.current.login({ request: 'tax', level: 2, prompt: 'login', locale: 'vi' });
    const url = new URL(navigate.mock.calls[0]![0], 'http://x');
    expect(url.pathname).toBe('/auth/login');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      request: 'tax',
      level: '2',
      returnTo: '/to-khai?nam=2025#b',
      prompt: 'login',
      locale: 'vi',
    });
  });

  it('stepUp(level) asks for a fresh authentication at that level', async () => {
    answerMe(authenticated({ level: 1 }));
    const { result, navigate } = setup();
    await settled(result);
    result.current.stepUp(2, { returnTo: '/bhxh' });
    expect(navigate).toHaveBeenCalledWith('/auth/login?level=2&stepUp=1&returnTo=%2Fbhxh');
  });

  it('logout() posts a form to /auth/logout carrying the session’s CSRF token (never a GET link)', async () => {
    answerMe(authenticated());
    const posted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (
      this: HTMLFormElement,
    ) {
      posted.push(this);
    });
    const { result } = setup();
    await settled(result);
    result.current.logout();
    expect(posted).toHaveLength(1);
    const form = posted[0]!;
    expect(form.method).toBe('post');
    expect(new URL(form.action).pathname).toBe('/auth/logout');
    expect(Object.fromEntries(new FormData(form))).toEqual({ csrf_token: CSRF });
  });
});
