import { useDinhDanh } from './context';
import type { IdentityValue } from './types';

/**
 * The citizen's sign-in state and the actions on it, from the nearest `<DinhDanhProvider>`.
 *
 * @returns `status` (`loading` | `anonymous` | `authenticated` | `error`), `identity`,
 *   `level`, `consent`, and `login()`, `logout()`, `stepUp(level)`, `refresh()`.
 * @throws Error outside `<DinhDanhProvider>`.
 * @example
 * ```tsx
 * const { status, identity, login, logout } = useIdentity();
 * if (status === 'authenticated') return <button onClick={logout}>{identity?.attributes.name?.full}</button>;
 * return <button onClick={() => login({ level: 2 })}>Đăng nhập</button>;
 * ```
 */
export function useIdentity(): IdentityValue {
  return useDinhDanh().identity;
}
