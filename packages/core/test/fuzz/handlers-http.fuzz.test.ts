/**
 * Fuzz: the handlers' pure HTTP concerns — the cookies /me reads and the CSRF-checked
 * logout — with the structural relying-party double (test/handlers/support.ts). A session
 * cookie that was not issued never authenticates; a logout from anywhere but the app's
 * origin never ends a session; every answer comes from a DinhDanhError, never a crash.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError, type DinhDanhError, type MeResponse } from '@dinhdanh/core';
import { fakeRp, handlersFor, Jar, loginWith, ORIGIN } from '../handlers/support';
import { expectNoPersonalData, hostileText, mutate, mutation, outcome, runs } from './support';

let lastError: DinhDanhError | undefined;
const auth = handlersFor(fakeRp(), {
  onError: (problem) => {
    lastError = problem;
    return Response.json({ error: { code: problem.code } }, { status: problem.status });
  },
});

const headerSafe = (text: string) =>
  text.replace(/[^\t\x20-\x7e\x80-\xff]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);

/** The handler's answer, checked: never a throw, never a crash turned into a 500. */
async function answer(name: string, request: Request): Promise<Response> {
  lastError = undefined;
  const result = await outcome(name, [], () => auth.handle(request));
  if (!result.ok) throw new Error('unreachable');
  const error = lastError as DinhDanhError | undefined;
  if (error?.code === 'server_error' && !isDinhDanhError(error.cause)) {
    throw new Error(`${name}: an unexpected error became a 500`, { cause: error.cause });
  }
  if (error !== undefined) expectNoPersonalData(error, name);
  expect(result.value.status).toBeLessThan(500);
  return result.value;
}

describe('fuzz: cookies and CSRF through the handlers', () => {
  it('GET /me with mutated or arbitrary cookies is anonymous unless the session cookie is the one issued', async () => {
    const jar = new Jar();
    await loginWith(auth, jar);
    const [[name, issued]] = [...jar.cookies] as [[string, string]];
    const cookie = fc.oneof(
      fc
        .array(mutation, { minLength: 1, maxLength: 2 })
        .map((m) => ({ issued: true, header: `${name}=${m.reduce(mutate, issued)}` })),
      fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom(name, `${name}.0`, `${name}.1`), hostileText),
            hostileText,
          ),
          { maxLength: 5 },
        )
        .map((pairs) => ({ issued: false, header: pairs.map(([n, v]) => `${n}=${v}`).join('; ') })),
      hostileText.map((header) => ({ issued: false, header })),
    );
    const { level, expiresAt } = (await (
      await auth.handle(jar.request(`${ORIGIN}/auth/me`))
    ).json()) as MeResponse & { status: 'authenticated' };
    await fc.assert(
      fc.asyncProperty(cookie, async ({ issued: fromIssued, header }) => {
        const sent = new Request(`${ORIGIN}/auth/me`, { headers: { cookie: headerSafe(header) } });
        const me = (await (await answer('me (cookies)', sent)).json()) as MeResponse;
        if (me.status === 'authenticated') {
          // Only the issued seal (or one differing in base64url's unused bits) opens, to
          // the issued session.
          expect(fromIssued).toBe(true);
          expect(me).toMatchObject({ level, expiresAt });
        }
      }),
      { numRuns: runs(150) },
    );
  });

  it('POST /logout ends the session only from the app origin', async () => {
    const from = fc.constantFrom(ORIGIN, 'https://evil.example', 'null', undefined);
    const site = fc.constantFrom('same-origin', 'same-site', 'cross-site', 'none', undefined);
    await fc.assert(
      fc.asyncProperty(from, site, fc.option(hostileText), async (origin, fetchSite, token) => {
        const jar = new Jar();
        await loginWith(auth, jar);
        const headers = new Headers();
        if (origin !== undefined) headers.set('origin', origin);
        if (fetchSite !== undefined) headers.set('sec-fetch-site', fetchSite);
        if (token !== null) headers.set('x-csrf-token', headerSafe(token));
        const response = await answer(
          'logout (origins)',
          jar.request(`${ORIGIN}/auth/logout`, { method: 'POST', headers }),
        );
        // A CSRF token, when sent (non-empty once Headers trims it), must be the session's.
        // `Origin: null` vouches for nothing: then, as without Origin, Sec-Fetch-Site decides.
        const allowed =
          !headers.get('x-csrf-token') &&
          (origin === ORIGIN ||
            ((origin === undefined || origin === 'null') && fetchSite === 'same-origin'));
        if (!allowed) expect(response.status).toBe(403);
        else expect(response.status).toBe(303);
      }),
      { numRuns: runs(100) },
    );
  });
});
