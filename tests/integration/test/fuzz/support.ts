/**
 * Handlers under fuzz, against the mock in-process: a real relying party, a real login to
 * start from, and an `onError` that keeps every error the handlers answered with, so the
 * harness can tell a DinhDanhError from an unexpected crash (which the handlers turn into
 * a generic 500) and scan what an app's error log would show.
 */
import {
  createAuthHandlers,
  isDinhDanhError,
  memoryStore,
  type AuthHandlers,
  type DinhDanhError,
  type RelyingParty,
} from '@dinhdanh/core';
import type { MockIdp } from '@dinhdanh/mock-idp';
import { expectNoPersonalData, outcome } from '../../../../packages/core/test/fuzz/support';
import {
  APP,
  fetchVia,
  inProcessIdp,
  Jar,
  mockClient,
  redirectOf,
  relyingParty,
  SEAL_SECRET,
} from '../support';

export const BACKCHANNEL = `${APP}/auth/backchannel-logout`;
export const T0 = Date.UTC(2026, 0, 1, 8);

export interface Target {
  readonly idp: MockIdp;
  readonly rp: RelyingParty;
  readonly auth: AuthHandlers;
  /** Logout tokens the mock delivered to {@link BACKCHANNEL}. */
  readonly delivered: string[];
}

let lastError: DinhDanhError | undefined;

/** One mock, one relying party (client rp-fuzz), handlers with store sessions. */
export async function target(): Promise<Target> {
  const delivered: string[] = [];
  const idp = await inProcessIdp({
    clients: [mockClient('rp-fuzz', { backchannelLogoutUri: BACKCHANNEL })],
    fetch: async (request) => {
      delivered.push(new URLSearchParams(await request.text()).get('logout_token') ?? '');
      return new Response(null, { status: 200 });
    },
  });
  const rp = relyingParty(idp.issuer, 'rp-fuzz', { fetch: fetchVia(idp) });
  const auth = createAuthHandlers(rp, {
    secrets: SEAL_SECRET,
    sessions: { storage: 'store', store: memoryStore() },
    requests: { default: { claims: ['name'] } },
    onError: (problem) => {
      lastError = problem;
      return Response.json({ error: { code: problem.code } }, { status: problem.status });
    },
  });
  return { idp, rp, auth, delivered };
}

/**
 * Sends one request: the handler must answer (never throw) within the time bound; an
 * error answer must come from a DinhDanhError (not a crash turned into a 500) and show
 * nothing personal.
 */
export async function answer(
  name: string,
  auth: AuthHandlers,
  request: Request,
): Promise<Response> {
  lastError = undefined;
  const result = await outcome(name, [], () => auth.handle(request));
  if (!result.ok) throw new Error('unreachable: the handlers returned an error');
  const error = lastError as DinhDanhError | undefined;
  if (error !== undefined) {
    if (error.code === 'server_error' && error.status === 500 && !isDinhDanhError(error.cause)) {
      throw new Error(`${name}: an unexpected error became a 500`, { cause: error.cause });
    }
    expectNoPersonalData(error, name);
  }
  if (result.value.status >= 500 && result.value.status < 600 && error === undefined) {
    throw new Error(`${name}: a ${result.value.status} without an error`);
  }
  return result.value;
}

/** GET /auth/login as a browser, then the mock's redirect back: the callback URL. */
export async function genuineCallback(
  t: Target,
  jar: Jar,
  persona = 'citizen-l2',
): Promise<string> {
  const start = await t.auth.handle(jar.request(`${APP}/auth/login?login_hint=${persona}`));
  jar.apply(start);
  return redirectOf(start.headers.get('location') ?? '', (request) => t.idp.fetch(request));
}

/** What a header can carry: other characters percent-encoded, as a browser would. */
export function headerSafe(text: string): string {
  return text.replace(/[^\t\x20-\x7e\x80-\xff]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}

export { APP, Jar };
