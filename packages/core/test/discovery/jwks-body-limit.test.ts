import { describe, expect, it } from 'vitest';
import { fakeIssuer } from '../support/fake-issuer';

function countingStream(total: number) {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) {
        controller.enqueue(new TextEncoder().encode('{"keys":[]}'));
        return controller.close();
      }
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

describe('discovery and JWKS responses are size-bounded', () => {
  it('stops reading a JWKS body past its 256 KiB limit', async () => {
    const { stream, counter } = countingStream(32 * 1024 * 1024);
    const idp = await fakeIssuer();
    const rp = idp.rp({
      fetch: (input) =>
        new URL(input instanceof Request ? input.url : input).pathname === '/jwks'
          ? Promise.resolve(
              new Response(stream, { headers: { 'content-type': 'application/json' } }),
            )
          : idp.fetch(input),
    });
    const jwt = await idp.sign({});
    await expect(rp.verifyIdToken(jwt)).rejects.toMatchObject({ code: 'jwks_failed' });
    expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024);
  });

  it('stops reading a discovery body past its 256 KiB limit (every attempt)', async () => {
    const counters: { pulled: number }[] = [];
    const fetch = (): Promise<Response> => {
      const { stream, counter } = countingStream(32 * 1024 * 1024);
      counters.push(counter);
      return Promise.resolve(
        new Response(stream, { headers: { 'content-type': 'application/json' } }),
      );
    };
    const rp = (await fakeIssuer()).rp({ fetch });
    await expect(rp.startLogin()).rejects.toMatchObject({ code: 'discovery_failed' });
    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) expect(counter.pulled).toBeLessThanOrEqual(1024 * 1024);
  });
});
