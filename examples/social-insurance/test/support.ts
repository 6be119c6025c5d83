/**
 * A headless browser for the route tests: the app and the mock identity provider both run
 * in this process (no port), a cookie jar per origin (Set-Cookie read by the `cookie`
 * library), redirects followed as a browser would, forms posted with their `Origin`.
 */
import { parseSetCookie } from 'cookie';
import { createMockIdp, type MockIdp } from '@dinhdanh/mock-idp';
import { createInsuranceApp } from '../src/app';
import { CLIENT_ID, mockClient } from '../src/demo';

export const APP = 'http://127.0.0.1:3003';
const CLIENT_SECRET = 'social-insurance-test-secret-0123456789';
const SESSION_SECRET = 'social-insurance-test-session-secret-0123456789';

/** The mock and the app, wired together in-process. */
export interface Harness {
  readonly idp: MockIdp;
  readonly app: ReturnType<typeof createInsuranceApp>;
  close(): Promise<void>;
}

/** Starts the mock (with the app's client) and the app on one clock. */
export function harness(now?: () => Date): Harness {
  const idp = createMockIdp({
    clients: [mockClient(APP, CLIENT_SECRET)],
    ...(now === undefined ? {} : { now: () => now().getTime() }),
  });
  const app = createInsuranceApp({
    issuer: idp.issuer,
    origin: APP,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    sessionSecret: SESSION_SECRET,
    fetch: (input, init) => idp.fetch(new Request(input, init)),
    ...(now === undefined ? {} : { now }),
  });
  return { idp, app, close: () => idp.close() };
}

/** One browser: cookies per origin, requests sent to the app or the mock by origin. */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  constructor(private readonly h: Harness) {}

  private jar(origin: string): Map<string, string> {
    let jar = this.jars.get(origin);
    if (jar === undefined) this.jars.set(origin, (jar = new Map<string, string>()));
    return jar;
  }

  /** Sends one request (no redirect followed); cookies kept. */
  async send(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url, APP);
    const jar = this.jar(target.origin);
    const headers = new Headers(init.headers);
    headers.set('accept', 'text/html');
    if (jar.size > 0) headers.set('cookie', [...jar].map(([n, v]) => `${n}=${v}`).join('; '));
    const request = new Request(target, { ...init, headers });
    const response =
      target.origin === APP ? await this.h.app.handle(request) : await this.h.idp.fetch(request);
    for (const line of response.headers.getSetCookie()) {
      const cookie = parseSetCookie(line);
      if (cookie.maxAge === 0 || cookie.value === '') jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value ?? '');
    }
    return response;
  }

  /** GET, following redirects (at most 10); returns the last response and its URL. */
  async open(url: string): Promise<{ response: Response; url: string }> {
    let current = new URL(url, APP).href;
    for (let hops = 0; hops < 10; hops++) {
      const response = await this.send(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) {
        return { response, url: current };
      }
      current = new URL(location, current).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Posts a form from a page of `url`'s origin, then follows the answer's redirects. */
  async submit(
    url: string,
    fields: [string, string][],
  ): Promise<{ response: Response; url: string }> {
    const target = new URL(url, APP);
    const response = await this.send(target.href, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: target.origin,
      },
      body: new URLSearchParams(fields),
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) {
      return { response, url: target.href };
    }
    return this.open(new URL(location, target).href);
  }
}

/** How the citizen answers the provider's pages. */
export interface LoginChoice {
  readonly persona: string;
  /** Optional attributes ticked on the consent screen (required ones are always shared). */
  readonly share?: readonly string[];
}

/**
 * Follows an app link to the provider, picks the persona and consents, and returns where
 * the browser lands back in the app.
 */
export async function loginThrough(
  browser: Browser,
  link: string,
  { persona, share = [] }: LoginChoice,
): Promise<{ response: Response; url: string }> {
  const picker = await browser.open(link);
  const interaction = picker.url;
  if (!interaction.includes('/interaction/'))
    throw new Error(`no persona picker at ${interaction}`);
  const picked = await browser.submit(`${interaction}/login`, [['persona', persona]]);
  if (new URL(picked.url).origin === APP) return picked; // refused before consent
  return browser.submit(`${interaction}/consent`, [
    ['decision', 'approve'],
    ...share.map((name): [string, string] => ['attributes', name]),
  ]);
}

/** A page's HTML with whitespace as a browser renders it: runs collapsed, none between tags. */
export async function pageOf(response: Response): Promise<string> {
  return (await response.text()).replace(/>\s+</g, '><').replace(/\s+/g, ' ');
}

/** The text and shared flag of the value cell `data-testid="<id>"` of a {@link pageOf} page. */
export function cell(page: string, id: string): { shared: boolean; text: string } | undefined {
  const match = new RegExp(`data-testid="${id}" data-shared="(true|false)">(.*?)</td>`).exec(page);
  if (match === null) return undefined;
  return { shared: match[1] === 'true', text: (match[2] ?? '').replace(/<[^>]+>/g, '').trim() };
}

/** The logout form's CSRF token on a page. */
export function csrfToken(page: string): string {
  return /name="csrf_token" value="([^"]*)"/.exec(page)?.[1] ?? '';
}
