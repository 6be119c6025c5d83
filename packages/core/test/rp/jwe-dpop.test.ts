import { beforeAll, describe, expect, it } from 'vitest';
import type { PrivateJwk } from '@dinhdanh/core';
import { exportJWK, generateKeyPair } from 'jose';
import { codeOf } from '../support/errors';
import { browse, JWE_CLIENT_ID, startOp, type TestOp } from '../support/op';
import { rpFor } from '../support/rp';

let op: TestOp;
beforeAll(async () => {
  op = await startOp();
  return () => op.close();
});

describe('encrypted ID tokens (JWE)', () => {
  it('decrypts with the configured key, then verifies the inner signature', async () => {
    const rp = rpFor(op, {
      clientId: JWE_CLIENT_ID,
      encryptionKeys: [op.encryptionKey as PrivateJwk],
    });
    op.next = { acr: 'urn:dinhdanh:loa:2' };
    const { url, transaction } = await rp.startLogin({ level: 2 });
    const result = await rp.finishLogin(await browse(url), transaction);
    expect(result.identity.level).toBe(2);
    expect(result.tokens.idToken?.split('.').length).toBe(3);
  });

  it('fails closed without the decryption key', async () => {
    const rp = rpFor(op, { clientId: JWE_CLIENT_ID });
    op.next = {};
    const { url, transaction } = await rp.startLogin();
    const code = await codeOf(rp.finishLogin(await browse(url), transaction));
    expect(['provider_response_invalid', 'token_invalid']).toContain(code);
  });
});

describe('DPoP-bound tokens', () => {
  it('logs in and refreshes with a DPoP key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const dpopKey = { ...(await exportJWK(privateKey)), kid: 'dpop-1' } as PrivateJwk;
    const rp = rpFor(op, { dpopKey });
    op.next = {};
    const { url, transaction } = await rp.startLogin({ claims: ['name'] });
    const result = await rp.finishLogin(await browse(url), transaction);
    expect(result.tokens.tokenType.toLowerCase()).toBe('dpop');
    expect(result.identity.attributes.name?.full).toBe('Nguyễn Văn An');
    const next = await rp.refresh(result.tokens);
    expect(next.tokenType.toLowerCase()).toBe('dpop');
  });
});
