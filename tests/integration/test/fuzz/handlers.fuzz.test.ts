/**
 * Fuzz: createAuthHandlers with a real relying party against the mock. The callback with
 * arbitrary query strings (raw `+` and percent forms, duplicated parameters) and cookies,
 * the back-channel logout endpoint with arbitrary bodies and JWTs, QR start and poll:
 * every request gets an answer — a success, or an error from a DinhDanhError with nothing
 * personal in it — and nothing succeeds that should not.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileText, mutate, mutation, runs } from '../../../../packages/core/test/fuzz/support';
import { answer, APP, genuineCallback, headerSafe, Jar, target, type Target } from './support';

let t: Target;
beforeAll(async () => {
  t = await target();
});
afterAll(() => t.idp.close());

const cookieHeader = (jar: Jar) => [...jar.cookies].map(([n, v]) => `${n}=${v}`).join('; ');

/** One query parameter as an attacker writes it, raw (not form-encoded). */
const rawParam = fc.tuple(
  fc.oneof(
    fc.constantFrom(
      'code',
      'state',
      'iss',
      'error',
      'error_description',
      'encrypt_key',
      'session_state',
    ),
    hostileText,
  ),
  fc.oneof(
    hostileText,
    fc.constantFrom('+', '%2B', '%2b', '%', '%%41', 'a+b', 'a%20b', '%E0%A4%A'),
  ),
);

/** An edit of a genuine callback query: drop, duplicate, replace or append a parameter. */
const queryEdit = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), index: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), index: fc.nat(), value: rawParam }),
  fc.record({ kind: fc.constant('replace' as const), index: fc.nat(), value: rawParam }),
  fc.record({ kind: fc.constant('append' as const), value: rawParam }),
  fc.record({ kind: fc.constant('bytes' as const), change: mutation }),
);
type QueryEdit = typeof queryEdit extends fc.Arbitrary<infer T> ? T : never;

function editQuery(query: string, edit: QueryEdit): string {
  const parts = query === '' ? [] : query.split('&');
  const at = (i: number) => (parts.length === 0 ? 0 : i % parts.length);
  switch (edit.kind) {
    case 'drop':
      return parts.filter((_, i) => i !== at(edit.index)).join('&');
    case 'duplicate': {
      const name = (parts[at(edit.index)] ?? '').split('=')[0];
      return [...parts, `${name}=${edit.value[1]}`].join('&');
    }
    case 'replace':
      return parts.map((p, i) => (i === at(edit.index) ? edit.value.join('=') : p)).join('&');
    case 'append':
      return [...parts, edit.value.join('=')].join('&');
    case 'bytes':
      return mutate(query, edit.change);
  }
}

function request(url: string, init: RequestInit = {}): Request | undefined {
  try {
    return new Request(url, init);
  } catch {
    return undefined; // nothing an HTTP stack would deliver (bad URL or header bytes)
  }
}

describe('fuzz: GET /auth/callback', () => {
  it('the genuine callback logs in (the starting point of the edits below)', async () => {
    const jar = new Jar();
    const url = await genuineCallback(t, jar);
    const response = await answer('callback (genuine)', t.auth, jar.request(url));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/');
  });

  it('edits of a genuine callback log in only with the genuine code and state, else fail cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(queryEdit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const jar = new Jar();
        const genuine = new URL(await genuineCallback(t, jar));
        const query = edits.reduce(editQuery, genuine.search.slice(1));
        const sent = request(`${APP}/auth/callback?${query}`, {
          headers: { cookie: cookieHeader(jar) },
        });
        if (sent === undefined) return;
        const response = await answer('callback (edited)', t.auth, sent);
        if (response.status === 302 && response.headers.get('location') === '/') {
          // A session was made: the request carried the genuine code and state, once each.
          const params = new URL(sent.url).searchParams;
          for (const name of ['code', 'state']) {
            expect(params.getAll(name)).toEqual([genuine.searchParams.get(name)]);
          }
        } else expect(response.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: runs(60) },
    );
  });

  it('arbitrary queries and cookies never log in', async () => {
    const cookiePair = fc.tuple(
      fc.oneof(
        fc.constantFrom('__Host-dinhdanh.tx', '__Host-dinhdanh.session', '__Host-dinhdanh.qr'),
        hostileText,
      ),
      hostileText,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawParam, { maxLength: 8 }),
        fc.array(cookiePair, { maxLength: 6 }),
        fc.boolean(),
        async (params, cookies, withLogin) => {
          const jar = new Jar();
          if (withLogin) await genuineCallback(t, jar);
          const header = [cookieHeader(jar), ...cookies.map(([n, v]) => headerSafe(`${n}=${v}`))]
            .filter((c) => c !== '')
            .join('; ');
          const sent = request(`${APP}/auth/callback?${params.map((p) => p.join('=')).join('&')}`, {
            headers: { cookie: header },
          });
          if (sent === undefined) return;
          const response = await answer('callback (arbitrary)', t.auth, sent);
          expect(response.status).toBeGreaterThanOrEqual(400);
        },
      ),
      { numRuns: runs(150) },
    );
  });
});
