import { inspect } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeIssuer } from '../support/fake-issuer';
import { browse, startOp, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
  return () => op.close();
});

const JWT = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+\./;

function expectClean(error: unknown, code: string): void {
  const logged = inspect(error, { depth: 20 });
  expect((error as { code: string }).code).toBe(code);
  expect(logged).not.toMatch(JWT);
  expect(logged).not.toContain('citizen-1');
  expect(logged).not.toContain('claims:');
  expect(logged).not.toContain('preferred_username');
}

describe('errors logged by apps do not carry tokens or citizen data in their cause chain', () => {
  it('nonce_mismatch: inspect(error) has no JWT and no subject', async () => {
    const rp = rpFor(op);
    op.next = {};
    const { url, transaction } = await rp.startLogin({ claims: ['pid', 'name'] });
    const callback = await browse(url);
    const error = await rp
      .finishLogin(callback, { ...transaction, nonce: 'another-nonce-value' })
      .catch((e: unknown) => e);
    expectClean(error, 'nonce_mismatch');
  });

  it('an ID token missing its nonce (and an expired one): no payload in the cause', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    const missing = await rp
      .verifyIdToken(await idp.sign({ preferred_username: '001085123456' }), { nonce: 'n1' })
      .catch((e: unknown) => e);
    expectClean(missing, 'nonce_mismatch');
    expect(inspect(missing, { depth: 20 })).not.toContain('001085123456');
    const expired = await rp
      .verifyIdToken(
        await idp.sign({
          preferred_username: '001085123456',
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
      )
      .catch((e: unknown) => e);
    expectClean(expired, 'token_expired');
    expect(inspect(expired, { depth: 20 })).not.toContain('001085123456');
  });

  it('a provider error response (invalid_grant): no response body or token in the cause', async () => {
    const rp = rpFor(op);
    op.next = {};
    const { url, transaction } = await rp.startLogin({ claims: ['pid', 'name'] });
    const callback = await browse(url);
    await rp.finishLogin(callback, transaction);
    const error = await rp.finishLogin(callback, transaction).catch((e: unknown) => e);
    expectClean(error, 'invalid_grant');
    const cause = (error as Error).cause as Record<string, unknown>;
    expect(cause).not.toHaveProperty('response');
    expect(cause).not.toHaveProperty('cause');
  });
});
