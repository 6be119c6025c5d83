/**
 * Just enough of a browser to walk a docs app through a login at the in-process mock:
 * one origin's cookie jar, and the mock's persona and consent forms.
 */
import type { MockIdp } from '@dinhdanh/mock-idp';
import { expect } from 'vitest';

export const APP = 'http://localhost:3000';

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: (request: Request) => Promise<Response>) {}

  keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(path: string): Promise<Response> {
    const cookie = [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
    const headers = cookie === '' ? undefined : { cookie };
    return this.keep(await this.app(new Request(new URL(path, APP), headers ? { headers } : {})));
  }
}

export function form(url: string, fields: [string, string][]): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

/**
 * From the app's login redirect: picks `persona` at the mock, approves `attributes`, and
 * follows the callback back into the app. Returns where the app then redirects.
 */
export async function logInAtMock(
  idp: MockIdp,
  browser: Browser,
  loginPath: string,
  persona: string,
  attributes: readonly string[],
): Promise<string | null> {
  const login = await browser.get(loginPath);
  expect(login.status).toBe(302);
  const authorize = login.headers.get('location')!;
  expect(authorize.startsWith(`${idp.issuer}/authorize`)).toBe(true);
  const interaction = (await idp.fetch(new Request(authorize))).headers.get('location')!;
  const picked = await idp.fetch(form(`${interaction}/login`, [['persona', persona]]));
  expect(picked.status).toBe(303);
  const consented = await idp.fetch(
    form(`${interaction}/consent`, [
      ['decision', 'approve'],
      ...attributes.map((name): [string, string] => ['attributes', name]),
    ]),
  );
  expect(consented.status).toBe(303);
  const callback = new URL(consented.headers.get('location')!);
  expect(callback.origin).toBe(APP);
  const landed = await browser.get(`${callback.pathname}${callback.search}`);
  expect(landed.status).toBe(302);
  return landed.headers.get('location');
}
