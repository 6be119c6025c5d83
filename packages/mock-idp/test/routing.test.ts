import { describe, expect, it } from 'vitest';
import { createMockIdp } from '../src';

const ISSUER = 'http://127.0.0.1:9400/idp';

async function problem(admin: boolean, method: string, path: string) {
  const idp = createMockIdp({ issuer: ISSUER, admin });
  const res = await idp.fetch(new Request(`${ISSUER}${path}`, { method }));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the route table', () => {
  it('answers unknown share paths as before the table', async () => {
    expect((await problem(false, 'GET', '/share/abc/other')).body.error_description).toBe(
      'no endpoint at /share/abc/other',
    );
    for (const path of ['/share/', '/share/bad!', '/share/abc/status/more', '/share//status']) {
      const { status, body } = await problem(false, 'GET', path);
      expect([status, body.error, body.error_description]).toEqual([
        404,
        'not_found',
        'no such share transaction',
      ]);
    }
  });

  it('hides the admin API unless it is on, and names unknown admin routes', async () => {
    expect((await problem(false, 'GET', '/__mock/faults')).body.error_description).toBe(
      'no endpoint at /__mock/faults',
    );
    expect((await problem(true, 'PUT', '/__mock/faults')).body.error_description).toBe(
      'no admin route PUT faults',
    );
    expect((await problem(true, 'GET', '/__mock/shares')).body.error_description).toBe(
      'no admin route GET shares',
    );
    expect((await problem(true, 'GET', '/__mock/share/none')).body.error_description).toBe(
      'no such share transaction',
    );
    expect((await problem(true, 'GET', '/__mock/faults')).body).toEqual({ faults: [] });
  });

  it('answers only under the issuer path', async () => {
    expect((await problem(false, 'GET', '/interaction')).status).toBe(404);
    const idp = createMockIdp({ issuer: ISSUER });
    const res = await idp.fetch(new Request('http://127.0.0.1:9400/other'));
    expect(res.status).toBe(404);
    expect(await (await idp.fetch(new Request(`${ISSUER}/`))).json()).toEqual({
      issuer: ISSUER,
      discovery: `${ISSUER}/.well-known/openid-configuration`,
    });
  });
});
