import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssuranceLevel } from '@dinhdanh/core';
import { backendError, BackendFailure, callBackend } from '../http/backend';
import { useDinhDanh } from '../identity/context';
import type { BackendError } from '../identity/types';

/** Where a cross-device (QR) login is. Times are epoch milliseconds. */
export type QrLoginState =
  | { readonly status: 'starting' }
  | {
      readonly status: 'pending';
      /** Encode this in the QR code. */
      readonly qrUri: string;
      /** Code the citizen may type instead. */
      readonly userCode: string | undefined;
      /** When the code expires. */
      readonly expiresAt: number;
      /** Seconds until the next poll. */
      readonly interval: number;
    }
  | { readonly status: 'approved'; readonly returnTo: string }
  | { readonly status: 'denied' }
  | { readonly status: 'expired' }
  | { readonly status: 'error'; readonly error: BackendError };

/** Options of {@link useQrLogin} and props of `<QrLogin>`. */
export interface QrLoginOptions {
  /** Named login request on the server; default `default`. */
  readonly request?: string;
  /** Minimum assurance level. */
  readonly level?: AssuranceLevel;
  /** Same-origin path the session lands on; default the server's `defaultReturnTo`. */
  readonly returnTo?: string;
  /** Called once approved (the session cookie is set); default: navigate to `returnTo`. */
  readonly onApproved?: (returnTo: string) => void;
}

type Pending = Extract<QrLoginState, { status: 'pending' }>;

function invalid(what: string): BackendFailure {
  return new BackendFailure({ code: 'response_invalid', message: `Unexpected ${what} answer.` });
}

function seconds(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(what);
  return value;
}

/**
 * Runs a cross-device login through `POST {basePath}/qr/start` and `GET {basePath}/qr/poll`:
 * polls every `interval` seconds, waits longer after `slow_down`, stops at expiry.
 *
 * @returns the current {@link QrLoginState} and `retry()`, which starts a new code.
 * @example
 * ```tsx
 * const { state, retry } = useQrLogin({ request: 'default', level: 2 });
 * ```
 */
export function useQrLogin(options: QrLoginOptions = {}): {
  state: QrLoginState;
  retry: () => void;
} {
  const { basePath, csrfToken, navigate, identity } = useDinhDanh();
  const [state, setState] = useState<QrLoginState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);
  // Read at the moment of use, so a new callback or token does not restart the login.
  const latest = useRef({ options, csrfToken, navigate, refresh: identity.refresh });
  latest.current = { options, csrfToken, navigate, refresh: identity.refresh };
  const { request, level, returnTo } = options;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const abort = new AbortController();
    const set = (next: QrLoginState) => {
      if (!stopped) setState(next);
    };
    const fail = (error: unknown) => {
      if (stopped) return;
      const detail = backendError(error);
      set(
        detail.code === 'qr_expired' ? { status: 'expired' } : { status: 'error', error: detail },
      );
    };
    const schedule = (pending: Pending) => {
      const wait = Math.min(pending.interval * 1000, Math.max(0, pending.expiresAt - Date.now()));
      timer = setTimeout(() => void poll(pending).catch(fail), wait);
    };
    const poll = async (pending: Pending) => {
      if (Date.now() >= pending.expiresAt) return set({ status: 'expired' });
      const answer = await callBackend(`${basePath}/qr/poll`, { signal: abort.signal });
      if (stopped) return;
      switch (answer.status) {
        case 'pending':
        case 'slow_down': {
          const told = seconds(answer.interval, 'QR poll');
          // RFC 8628 §3.5: after slow_down, wait at least 5 seconds longer from now on.
          const interval =
            answer.status === 'slow_down' ? Math.max(told, pending.interval + 5) : told;
          const next: Pending = { ...pending, interval };
          set(next);
          return schedule(next);
        }
        case 'approved': {
          if (typeof answer.returnTo !== 'string') throw invalid('QR poll');
          set({ status: 'approved', returnTo: answer.returnTo });
          const { onApproved } = latest.current.options;
          if (onApproved === undefined) return latest.current.navigate(answer.returnTo);
          await latest.current.refresh();
          return onApproved(answer.returnTo);
        }
        case 'denied':
        case 'expired':
          return set({ status: answer.status });
        default:
          throw invalid('QR poll');
      }
    };
    const start = async () => {
      set({ status: 'starting' });
      const token = latest.current.csrfToken;
      const answer = await callBackend(`${basePath}/qr/start`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === undefined ? {} : { 'x-csrf-token': token }),
        },
        body: JSON.stringify({ request, level, returnTo }),
        signal: abort.signal,
      });
      const expiresAt = typeof answer.expiresAt === 'string' ? Date.parse(answer.expiresAt) : NaN;
      if (typeof answer.qrUri !== 'string' || Number.isNaN(expiresAt)) throw invalid('QR start');
      const pending: Pending = {
        status: 'pending',
        qrUri: answer.qrUri,
        userCode: typeof answer.userCode === 'string' ? answer.userCode : undefined,
        expiresAt,
        interval: seconds(answer.interval, 'QR start'),
      };
      set(pending);
      schedule(pending);
    };
    start().catch(fail);
    return () => {
      stopped = true;
      clearTimeout(timer);
      abort.abort();
    };
  }, [attempt, basePath, request, level, returnTo]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
