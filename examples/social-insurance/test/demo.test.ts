/** The demo contract: src/demo.ts starts the app over node:http against the mock over HTTP. */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startMockIdp } from '@dinhdanh/mock-idp';
import example, { mockClient } from '../src/demo';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('src/demo.ts', () => {
  it('is the social-insurance example on port 3003', () => {
    expect(example).toMatchObject({ id: 'social-insurance', port: 3003 });
    expect(example.title).toContain('Bảo hiểm xã hội số');
  });

  it('starts against a mock over HTTP, answers, and stops', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const secrets = {
      clientSecret: randomBytes(32).toString('base64url'),
      sessionSecret: randomBytes(32).toString('base64url'),
    };
    expect(await example.mockClients(origin, secrets)).toEqual([
      mockClient(origin, secrets.clientSecret),
    ]);
    const mock = await startMockIdp({
      port: 0,
      clients: [mockClient(origin, secrets.clientSecret)],
    });
    try {
      const app = await example.start({
        port,
        host: '127.0.0.1',
        issuer: mock.issuer,
        origin,
        secrets,
      });
      expect(app.url).toBe(origin);
      const home = await fetch(`${origin}/`);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await home.text()).toContain('Đăng nhập bằng VNeID');
      const login = await fetch(`${origin}/auth/login`, { redirect: 'manual' });
      expect(login.status).toBe(302);
      expect(login.headers.get('location')?.startsWith(`${mock.issuer}/authorize?`)).toBe(true);
      await app.close();
      await expect(fetch(`${origin}/`)).rejects.toThrow();
    } finally {
      await mock.close();
    }
  });
});
