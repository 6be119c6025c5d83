/**
 * Two sets of handlers on one origin (say `/auth` for VNeID SSO and `/vneid/auth` for the
 * partner protocol), each with its own `sessions.cookieName`, keep apart the pending logins
 * they park in cookies: neither overwrites nor prunes the other's.
 */
import { describe, expect, it } from 'vitest';
import { fakeRp, handlersFor, Jar, ORIGIN, setCookies } from './support';

describe('pending-login cookies named after the session cookie', () => {
  it('keeps the defaults (dinhdanh.tx.<key>) and names another set after its session cookie', async () => {
    const plain = handlersFor(fakeRp());
    const partner = handlersFor(fakeRp(), { sessions: { cookieName: 'kiosk.session' } });
    const names = async (auth: typeof plain) =>
      setCookies(await auth.handle(new Request(`${ORIGIN}/auth/login`))).map((c) => c.name);
    expect(await names(plain)).toEqual([expect.stringMatching(/^__Host-dinhdanh\.tx\.[\w-]{16}$/)]);
    expect(await names(partner)).toEqual([expect.stringMatching(/^__Host-kiosk\.tx\.[\w-]{16}$/)]);
  });

  it("a callback of one set completes its own login and leaves the other's pending", async () => {
    const plain = handlersFor(fakeRp());
    const partner = handlersFor(fakeRp(), { sessions: { cookieName: 'kiosk.session' } });
    const jar = new Jar();
    jar.apply(await plain.handle(jar.request(`${ORIGIN}/auth/login`)));
    jar.apply(await partner.handle(jar.request(`${ORIGIN}/auth/login`)));
    const callback = await partner.handle(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(callback.status).toBe(302);
    jar.apply(callback);
    expect([...jar.cookies.keys()].filter((name) => name.includes('.tx.'))).toEqual([
      expect.stringMatching(/^__Host-dinhdanh\.tx\./),
    ]);
    const other = await plain.handle(
      jar.request(`${ORIGIN}/auth/callback?code=good&state=state-1`),
    );
    expect(other.status).toBe(302);
  });
});
