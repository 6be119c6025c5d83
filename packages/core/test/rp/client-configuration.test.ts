import type * as OpenIdClient from 'openid-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeIssuer, FAKE_ISSUER } from '../support/fake-issuer';

// Counts the openid-client configurations core builds (each one clones the whole
// discovery document, so one per operation was a measurable cost per login).
const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('openid-client', async (importOriginal) => {
  const original = await importOriginal<typeof OpenIdClient>();
  // openid-client refuses subclasses; a construct trap counts without one.
  const Configuration = new Proxy(original.Configuration, {
    construct(target, args: ConstructorParameters<typeof original.Configuration>) {
      built.count += 1;
      return new target(...args);
    },
  });
  return { ...original, Configuration };
});

afterEach(() => {
  built.count = 0;
});

describe('the openid-client configuration is reused while discovery is unchanged', () => {
  it('builds one configuration for many logins started within the discovery TTL', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    for (let i = 0; i < 5; i += 1) {
      const { url } = await rp.startLogin();
      expect(new URL(url).origin).toBe(FAKE_ISSUER);
    }
    expect(built.count).toBe(1);
    expect(idp.requests.filter((p) => p.endsWith('openid-configuration'))).toHaveLength(1);
  });

  it('shares one configuration between concurrent logins', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    await Promise.all(Array.from({ length: 8 }, () => rp.startLogin()));
    expect(built.count).toBe(1);
  });

  it('rebuilds it when discovery is refreshed, and uses the refreshed metadata', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp({ discoveryTtl: 0 });
    const first = await rp.startLogin();
    expect(new URL(first.url).pathname).toBe('/authorize');
    idp.metadata = { ...idp.metadata, authorization_endpoint: `${FAKE_ISSUER}/v2/authorize` };
    const second = await rp.startLogin();
    expect(new URL(second.url).pathname).toBe('/v2/authorize');
    expect(built.count).toBe(2);
  });

  it('rebuilds it when the injected clock moves against the real one', async () => {
    const idp = await fakeIssuer();
    let offset = 0;
    const rp = idp.rp({ now: () => Date.now() + offset });
    await rp.startLogin();
    await rp.startLogin();
    const before = built.count;
    offset = 120_000;
    await rp.startLogin();
    expect(built.count).toBe(before + 1);
  });
});
