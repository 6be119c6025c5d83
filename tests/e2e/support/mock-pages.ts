/**
 * The mock alone, with one client that can do every flow a citizen sees a page of (browser
 * login, device login, share transaction, logout), on a clock the test moves; and the
 * browser's own accessibility tree (Chromium's, through the DevTools protocol), to read the
 * name and description a screen reader announces.
 */
import type { Page } from 'playwright-core';
import { startMockIdp, type RunningMockIdp } from '@dinhdanh/mock-idp';

/** Where the mock sends the browser back; the tests answer it themselves (`page.route`). */
export const CALLBACK = 'http://127.0.0.1/callback';
const CLIENT_ID = 'e2e-pages';
const SECRET = 'e2e-pages-secret-0123456789-0123456789';
/** The clock starts here: 12:00 UTC is 19:00 in Hà Nội. */
export const START = Date.UTC(2026, 10, 23, 12, 0, 0);

/** The running mock, its clock, and the URLs that start each flow. */
export interface PagesMock {
  readonly mock: RunningMockIdp;
  readonly clock: { t: number };
  authorizeUrl(locale: string | undefined, extra?: Record<string, string>): string;
  /** Starts a device login; returns the user code. */
  startDevice(): Promise<string>;
  /** Starts a share transaction; returns its phone page link. */
  startShare(): Promise<string>;
}

async function post(url: string, body: Record<string, string>, basic: boolean): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(basic ? { authorization: `Basic ${btoa(`${CLIENT_ID}:${SECRET}`)}` } : {}),
    },
    body: new URLSearchParams(body).toString(),
  });
}

/** Starts the mock on a free port with the test client and a clock at {@link START}. */
export async function startPagesMock(): Promise<PagesMock> {
  const clock = { t: START };
  const mock = await startMockIdp({
    port: 0,
    now: () => clock.t,
    clients: [
      {
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        name: 'Cổng thử nghiệm',
        purpose: 'Kiểm thử khả năng truy cập',
        redirectUris: [CALLBACK],
        postLogoutRedirectUris: [`${CALLBACK}/logged-out`],
        authMethods: ['client_secret_basic', 'client_secret_post'],
        share: { lifetime: 300 },
      },
    ],
  });
  return {
    mock,
    clock,
    authorizeUrl(locale, extra = {}) {
      const url = new URL('/authorize', mock.issuer);
      url.search = new URLSearchParams({
        client_id: CLIENT_ID,
        response_type: 'code',
        redirect_uri: CALLBACK,
        scope: 'openid profile phone',
        // a sensitive optional attribute, and a required one
        claims: JSON.stringify({
          userinfo: { vn_health_insurance: null, vn_pid: { essential: true } },
        }),
        state: 'state-0123456789',
        nonce: 'nonce-0123456789',
        // PKCE is required; the verifier is never used: the tests stop at the callback.
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...(locale === undefined ? {} : { ui_locales: locale }),
        ...extra,
      }).toString();
      return url.href;
    },
    async startDevice() {
      const res = await post(
        new URL('/device_authorization', mock.issuer).href,
        { scope: 'openid' },
        true,
      );
      if (res.status !== 200) throw new Error(`device_authorization answered ${res.status}`);
      return ((await res.json()) as { user_code: string }).user_code;
    },
    async startShare() {
      const res = await post(
        new URL('/share', mock.issuer).href,
        {
          client_id: CLIENT_ID,
          client_secret: SECRET,
          attributes: 'pid name healthInsurance',
          purpose: 'Mở tài khoản',
        },
        false,
      );
      if (res.status !== 201) throw new Error(`share start answered ${res.status}`);
      return ((await res.json()) as { link: string }).link;
    },
  };
}

/** What Chromium's accessibility tree says about the element `selector` finds. */
export async function accessibleOf(
  page: Page,
  selector: string,
): Promise<{ name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (nodeId === 0) throw new Error(`no element ${selector}`);
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    });
    const node = nodes[0];
    return {
      name: String(node?.name?.value ?? ''),
      description: String(node?.description?.value ?? ''),
    };
  } finally {
    await cdp.detach();
  }
}

/** The number of times `needle` occurs in `text`. */
export function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
