import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AssuranceLevel, MeResponse } from '@dinhdanh/core';
import { backendError, callBackend } from '../http/backend';
import { BASE_MESSAGES, type Locale, type Messages } from '../messages/messages';
import { DinhDanhContext, type DinhDanhContextValue } from './context';
import { assignLocation, loginUrl, postLogout } from './navigation';
import { parseMe } from './parse-me';
import type { BackendError, IdentityValue, LoginOptions } from './types';

/** Props of {@link DinhDanhProvider}. */
export interface DinhDanhProviderProps {
  /** Where core's handlers are mounted (`basePath` of `createAuthHandlers`); default `/auth`. */
  readonly basePath?: string;
  /** UI language; default `vi`. */
  readonly locale?: Locale;
  /** Overrides of any message of the chosen language. */
  readonly messages?: Partial<Messages>;
  /**
   * The `/me` answer the server already has (server-side rendering): rendered at once,
   * without a `loading` state or a first request.
   */
  readonly initialMe?: MeResponse;
  /** Full-page navigation used by `login()` and `stepUp()`; default `location.assign`. */
  readonly navigate?: (url: string) => void;
  /** The app. */
  readonly children?: ReactNode;
}

type Snapshot =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: BackendError }
  | MeResponse;

/**
 * Reads the session summary from `GET {basePath}/me` and gives it to {@link useIdentity}
 * and the components. Tokens never reach the browser: the server keeps them.
 *
 * @example
 * ```tsx
 * <DinhDanhProvider basePath="/auth" locale="vi">
 *   <App />
 * </DinhDanhProvider>
 * ```
 */
export function DinhDanhProvider(props: DinhDanhProviderProps): ReactNode {
  const basePath = (props.basePath ?? '/auth').replace(/\/+$/, '');
  const locale = props.locale ?? 'vi';
  const navigate = props.navigate ?? assignLocation;
  const [snapshot, setSnapshot] = useState<Snapshot>(props.initialMe ?? { status: 'loading' });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const call = ++latest.current;
    let next: Snapshot;
    try {
      next = parseMe(await callBackend(`${basePath}/me`));
    } catch (error) {
      next = { status: 'error', error: backendError(error) };
    }
    // Only the newest read wins: an older answer arriving late must not undo a newer one.
    if (call === latest.current) setSnapshot(next);
  }, [basePath]);

  const hasInitial = props.initialMe !== undefined;
  useEffect(() => {
    if (!hasInitial) void refresh();
    return () => {
      latest.current += 1;
    };
  }, [refresh, hasInitial]);

  const messages = useMemo(
    () => ({ ...BASE_MESSAGES[locale], ...props.messages }),
    [locale, props.messages],
  );
  const csrfToken = snapshot.status === 'authenticated' ? snapshot.csrfToken : undefined;

  const value = useMemo<DinhDanhContextValue>(() => {
    const me = snapshot.status === 'authenticated' ? snapshot : undefined;
    const identity: IdentityValue = {
      status: snapshot.status,
      identity: me?.identity,
      level: me?.level,
      consent: me?.granted === undefined ? undefined : { granted: me.granted },
      expiresAt: me?.expiresAt,
      error: snapshot.status === 'error' ? snapshot.error : undefined,
      login: (options: LoginOptions = {}) => navigate(loginUrl(basePath, options)),
      logout: () => postLogout(basePath, csrfToken),
      stepUp: (level: AssuranceLevel, options: Omit<LoginOptions, 'level'> = {}) =>
        navigate(loginUrl(basePath, { ...options, stepUp: level })),
      refresh,
    };
    return { basePath, locale, messages, identity, csrfToken, navigate };
  }, [snapshot, basePath, locale, messages, csrfToken, navigate, refresh]);

  return <DinhDanhContext.Provider value={value}>{props.children}</DinhDanhContext.Provider>;
}
