import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockIdp } from '@dinhdanh/mock-idp';
import { mockIdpHandlers } from '@dinhdanh/mock-idp/msw';
import { app } from './app.js';

// The mock answers for http://127.0.0.1:9400, the issuer app.ts uses, inside this process:
// no port, no server, nothing to start in CI. autoApprove + login_hint skip its pages.
const idp = createMockIdp({ autoApprove: true });
const server = setupServer(...mockIdpHandlers(idp));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  await idp.close();
});

/** The cookies a response sets, as the Cookie header a browser would send back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('=')) // a cleared cookie
    .join('; ');
}

it('a level-2 citizen logs in and is greeted by name', async () => {
  const start = 'http://localhost:3000/auth/login?login_hint=citizen-l2&returnTo=/';
  const login = await app(new Request(start));
  const answer = await idp.fetch(new Request(login.headers.get('location')!)); // the "browser"
  const callback = await app(
    new Request(answer.headers.get('location')!, { headers: { cookie: cookiesOf(login) } }),
  );
  expect(callback.status).toBe(302);
  const home = new Request('http://localhost:3000/', { headers: { cookie: cookiesOf(callback) } });
  expect(await (await app(home)).text()).toBe('Xin chào, Nguyễn Văn An (level 2)');
});

it('a level-1 citizen gets no session where level 2 is required', async () => {
  const start = 'http://localhost:3000/auth/login?login_hint=citizen-l1&returnTo=/';
  const login = await app(new Request(start));
  const answer = await idp.fetch(new Request(login.headers.get('location')!));
  const callback = await app(
    new Request(answer.headers.get('location')!, {
      headers: { cookie: cookiesOf(login), accept: 'application/json' },
    }),
  );
  expect(callback.status).toBe(401);
  expect(await callback.json()).toMatchObject({
    error: { code: 'unmet_authentication_requirements' },
  });
});
