/**
 * Cookies for sealed values: parsing with the `cookie` library, the attributes we always
 * set, the `__Host-` prefix on secure origins, and chunking for values a single cookie
 * cannot hold (browsers keep about 4096 bytes per cookie, name and attributes included).
 */
import { parseCookie, stringifySetCookie } from 'cookie';
import { DinhDanhError } from '../errors';

/** Largest value we put in one cookie; leaves room for the name and attributes. */
export const COOKIE_CHUNK_SIZE = 3800;
/** Most chunks one value may take (about 38 KB); beyond it, use a session store. */
export const MAX_COOKIE_CHUNKS = 10;

/** The attributes of every cookie we set. */
export interface CookiePolicy {
  /** `Secure` (and the `__Host-` prefix): everywhere except http://localhost. */
  readonly secure: boolean;
  /** `Path`; always `/` when secure, as `__Host-` requires. */
  readonly path: string;
}

/** The cookies a request carries (first value wins on duplicates). */
export type RequestCookies = Readonly<Record<string, string | undefined>>;

/** Parses the `Cookie` header of a request. */
export function requestCookies(request: Request): RequestCookies {
  return parseCookieHeader(request.headers.get('cookie'));
}

/** Parses a `Cookie` header value (none: no cookies). */
export function parseCookieHeader(header: string | null | undefined): RequestCookies {
  return header === null || header === undefined ? {} : parseCookie(header);
}

/** The cookie name on the wire: `__Host-` prefixed when the cookie is secure. */
export function cookieName(base: string, policy: CookiePolicy): string {
  return policy.secure ? `__Host-${base}` : base;
}

function setCookie(
  headers: Headers,
  name: string,
  value: string,
  policy: CookiePolicy,
  maxAge: number,
): void {
  headers.append(
    'set-cookie',
    stringifySetCookie({
      name,
      value,
      httpOnly: true,
      secure: policy.secure,
      sameSite: 'lax',
      path: policy.secure ? '/' : policy.path,
      maxAge,
    }),
  );
}

function chunkNames(cookies: RequestCookies, name: string): string[] {
  const prefix = `${name}.`;
  return Object.keys(cookies).filter(
    (key) => key.startsWith(prefix) && /^\d{1,3}$/.test(key.slice(prefix.length)),
  );
}

/** Reads a value written by {@link writeChunkedCookie}: whole, or joined from its chunks. */
export function readChunkedCookie(cookies: RequestCookies, name: string): string | undefined {
  const whole = cookies[name];
  if (whole !== undefined && whole !== '') return whole;
  const parts: string[] = [];
  for (let index = 0; index < MAX_COOKIE_CHUNKS; index += 1) {
    const part = cookies[`${name}.${index}`];
    if (part === undefined || part === '') break;
    parts.push(part);
  }
  return parts.length === 0 ? undefined : parts.join('');
}

/**
 * Writes `value` as one cookie, or as `name.0`, `name.1`, ... when it is too large,
 * and expires whichever cookies of the same name the request carried that are now stale.
 *
 * @throws `config_invalid` when the value needs more than {@link MAX_COOKIE_CHUNKS} chunks.
 */
export function writeChunkedCookie(
  headers: Headers,
  cookies: RequestCookies,
  name: string,
  value: string,
  policy: CookiePolicy,
  maxAge: number,
): void {
  const chunks: string[] = [];
  for (let offset = 0; offset < value.length; offset += COOKIE_CHUNK_SIZE) {
    chunks.push(value.slice(offset, offset + COOKIE_CHUNK_SIZE));
  }
  if (chunks.length > MAX_COOKIE_CHUNKS) {
    throw new DinhDanhError(
      'config_invalid',
      'The session is too large for cookies: use a SessionStore (memoryStore, redisStore) or keep fewer attributes in the session.',
    );
  }
  const written = new Set<string>();
  if (chunks.length <= 1) {
    setCookie(headers, name, value, policy, maxAge);
    written.add(name);
  } else {
    chunks.forEach((chunk, index) => {
      setCookie(headers, `${name}.${index}`, chunk, policy, maxAge);
      written.add(`${name}.${index}`);
    });
  }
  for (const stale of [name, ...chunkNames(cookies, name)]) {
    if (!written.has(stale) && cookies[stale] !== undefined)
      setCookie(headers, stale, '', policy, 0);
  }
}

/** Expires a cookie and all its chunks (the plain name always, chunks the request carried). */
export function clearChunkedCookie(
  headers: Headers,
  cookies: RequestCookies,
  name: string,
  policy: CookiePolicy,
): void {
  for (const stale of new Set([name, ...chunkNames(cookies, name)])) {
    setCookie(headers, stale, '', policy, 0);
  }
}

/** Sets a single cookie (no chunking) with our attributes. */
export function writeCookie(
  headers: Headers,
  name: string,
  value: string,
  policy: CookiePolicy,
  maxAge: number,
): void {
  if (value.length > COOKIE_CHUNK_SIZE) {
    throw new DinhDanhError('input_invalid', `The value for cookie ${name} is too large.`);
  }
  setCookie(headers, name, value, policy, maxAge);
}

/** Expires a single cookie. */
export function clearCookie(headers: Headers, name: string, policy: CookiePolicy): void {
  setCookie(headers, name, '', policy, 0);
}
