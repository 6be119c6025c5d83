import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDinhDanhError } from '@dinhdanh/core';
import { fakeIssuer } from '../support/fake-issuer';

describe('finishLogin on arbitrary callbacks (property)', () => {
  it('always rejects with the exact code, never a crash, for callbacks without the right state', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    const { transaction } = await rp.startLogin();
    const param = fc.tuple(
      fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'x', 'session_state'),
      fc.string({ maxLength: 40 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(param, { maxLength: 8 }),
        fc.constantFrom(
          'https://tax.example/callback',
          'https://evil.example/callback',
          'not a url',
          '',
        ),
        async (params, base) => {
          const query = new URLSearchParams(
            params.filter(([k, v]) => !(k === 'state' && v === transaction.state)),
          );
          // A repeated parameter is refused before anything else; then the state.
          const repeated = ['state', 'iss', 'code', 'error', 'error_description'].some(
            (name) => query.getAll(name).length > 1,
          );
          try {
            await rp.finishLogin(`${base}?${query.toString()}`, transaction);
          } catch (error) {
            expect(isDinhDanhError(error)).toBe(true);
            expect((error as { code: string }).code).toBe(
              repeated ? 'callback_parameter_repeated' : 'state_mismatch',
            );
            return;
          }
          throw new Error('accepted a forged callback');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never accepts a transaction that is not one', async () => {
    const idp = await fakeIssuer();
    const rp = idp.rp();
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (transaction) => {
        const error = await rp
          .finishLogin('https://tax.example/callback?code=x&state=y', transaction as never)
          .catch((e: unknown) => e);
        expect(isDinhDanhError(error, 'transaction_invalid')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
