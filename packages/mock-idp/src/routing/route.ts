/** The shape of one route of the provider and how a path is matched against it. */
import type { Context } from '../context';

/** What the admin API can do to the provider (the same as the programmatic API). */
export interface AdminActions {
  rotateKeys(): Promise<unknown>;
  reset(): void;
}

/** What a route's handler is given. */
export interface RouteCall {
  readonly ctx: Context;
  readonly request: Request;
  /** The path, relative to the issuer. */
  readonly path: string;
  /** The `{name}` segments of the route's path. */
  readonly params: Readonly<Record<string, string>>;
  /** What a trailing `*` matched (without its leading slash); `''` without one. */
  readonly rest: string;
  readonly actions: AdminActions;
}

/** One route: a path relative to the issuer and the handler that answers it. */
export interface Route {
  /** Only this method; any method when absent (the handler answers the others). */
  readonly method?: string;
  /**
   * The path relative to the issuer; a `{name}` segment matches one non-empty segment, and
   * a trailing `/*` matches every path below the prefix (the prefix itself excluded).
   */
  readonly path: string;
  /** Only when the admin API is on (`admin: true`). */
  readonly admin?: true;
  readonly handle: (call: RouteCall) => Promise<Response> | Response;
}

/** The params and rest of `path` when it matches `pattern`, otherwise `undefined`. */
export function matchPath(
  pattern: string,
  path: string,
): { params: Record<string, string>; rest: string } | undefined {
  const wildcard = pattern.endsWith('/*');
  const want = (wildcard ? pattern.slice(0, -2) : pattern).split('/');
  const got = path.split('/');
  if (wildcard ? got.length <= want.length : got.length !== want.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return undefined;
      params[segment.slice(1, -1)] = actual;
    } else if (segment !== actual) return undefined;
  }
  return { params, rest: wildcard ? got.slice(want.length).join('/') : '' };
}
